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
        builder.HasMany(c => c.Scores).WithOne().HasForeignKey(s => new { s.SnapshotId, s.CouncilId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SnapshotCouncilScoreConfiguration : IEntityTypeConfiguration<SnapshotCouncilScore>
{
    public void Configure(EntityTypeBuilder<SnapshotCouncilScore> builder)
    {
        builder.Property(s => s.DimensionId).HasMaxLength(64);
        builder.Property(s => s.Status).HasMaxLength(20);
    }
}
