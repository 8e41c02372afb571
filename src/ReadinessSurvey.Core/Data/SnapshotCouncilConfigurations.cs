using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReadinessSurvey.Aggregation;

namespace ReadinessSurvey.Data;

internal sealed class SnapshotCouncilConfiguration : IEntityTypeConfiguration<SnapshotCouncil>
{
    public void Configure(EntityTypeBuilder<SnapshotCouncil> builder)
    {
        builder.HasKey(c => new { c.SnapshotId, c.CouncilId });
        builder.Property(c => c.Code).HasMaxLength(9);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.TypeCode).HasMaxLength(3);
        builder.Property(c => c.RegionCode).HasMaxLength(9);
        builder.Property(c => c.Tier).HasMaxLength(10);

        // No key to Councils: a snapshot is a record of the register as it was, and keeps its own copy.
        builder.HasOne<AggregateSnapshot>().WithMany(s => s.Councils).HasForeignKey(c => c.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        // One JSON array per council, written by SQL (Aggregation/SnapshotCouncilWriter): the short property
        // names keep a council's ~7 scores near 300 bytes; renaming them needs a migration of the stored JSON.
        builder.OwnsMany(c => c.Scores, scores =>
        {
            scores.ToJson("Scores");
            scores.Property(s => s.DimensionId).HasJsonPropertyName("d");
            scores.Property(s => s.Score).HasJsonPropertyName("s");
            scores.Property(s => s.Status).HasJsonPropertyName("st");
        });
    }
}
