using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReadinessSurvey.Email;

namespace ReadinessSurvey.Data;

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> builder)
    {
        builder.Property(m => m.QueuedBy).HasMaxLength(320);
        builder.Property(m => m.FailureReason).HasMaxLength(500);
        builder.HasOne(m => m.Invitation).WithMany().HasForeignKey(m => m.InvitationId).OnDelete(DeleteBehavior.Cascade);

        // A scheduled reminder goes once per invitation and day, even if two runs overlap
        // (null days, i.e. other messages, are not constrained).
        builder.HasIndex(m => new { m.InvitationId, m.ReminderDaysBefore }).IsUnique();
        builder.HasIndex(m => m.Status);
    }
}
