using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Data;

internal sealed class CouncilConfiguration : IEntityTypeConfiguration<Council>
{
    public void Configure(EntityTypeBuilder<Council> builder)
    {
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(9);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.OfficialName).HasMaxLength(300);
        builder.Property(c => c.TypeCode).HasMaxLength(3);
        builder.Property(c => c.LaType).HasMaxLength(10);
        builder.Property(c => c.TypeName).HasMaxLength(100);
        builder.Property(c => c.Tier).HasMaxLength(10);
        builder.Property(c => c.Nation).HasMaxLength(20);
        builder.Property(c => c.RegionCode).HasMaxLength(9);
        builder.Property(c => c.RegionName).HasMaxLength(100);
        builder.Property(c => c.CountyCode).HasMaxLength(9);
        builder.Property(c => c.CountyName).HasMaxLength(200);
        builder.HasIndex(c => c.TypeCode);
        builder.HasIndex(c => c.RegionCode);
    }
}

internal sealed class SurveyDefinitionVersionConfiguration : IEntityTypeConfiguration<SurveyDefinitionVersion>
{
    public void Configure(EntityTypeBuilder<SurveyDefinitionVersion> builder)
    {
        builder.ToTable("SurveyDefinitions");
        builder.HasIndex(d => new { d.SurveyId, d.Version }).IsUnique();
        builder.Property(d => d.SurveyId).HasMaxLength(100);
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.SourceFile).HasMaxLength(500);
    }
}

internal sealed class SurveyRoundConfiguration : IEntityTypeConfiguration<SurveyRound>
{
    public void Configure(EntityTypeBuilder<SurveyRound> builder)
    {
        builder.ToTable("Rounds");
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.HasIndex(r => r.Name).IsUnique();
        builder.HasOne(r => r.DefinitionVersion).WithMany().HasForeignKey(r => r.DefinitionVersionId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Email).HasMaxLength(320);
        builder.Property(i => i.Role).HasMaxLength(200);
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.RoundId, i.CouncilId });
        builder.HasOne(i => i.Round).WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Council).WithMany().HasForeignKey(i => i.CouncilId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CouncilReturnConfiguration : IEntityTypeConfiguration<CouncilReturn>
{
    public void Configure(EntityTypeBuilder<CouncilReturn> builder)
    {
        builder.ToTable("Returns");
        builder.HasIndex(r => new { r.RoundId, r.CouncilId }).IsUnique();
        builder.HasIndex(r => new { r.RoundId, r.Status });
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Round).WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Council).WithMany().HasForeignKey(r => r.CouncilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne(a => a.Return).HasForeignKey(a => a.ReturnId);
        builder.HasMany(r => r.Contributors).WithOne(c => c.Return).HasForeignKey(c => c.ReturnId);
        builder.HasMany(r => r.History).WithOne(h => h.Return).HasForeignKey(h => h.ReturnId);
        builder.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.ReturnId);
    }
}

internal sealed class ReturnScoreConfiguration : IEntityTypeConfiguration<ReturnScore>
{
    public void Configure(EntityTypeBuilder<ReturnScore> builder)
    {
        builder.Property(s => s.DimensionId).HasMaxLength(64);
        builder.Property(s => s.Status).HasMaxLength(20);
        builder.HasIndex(s => new { s.ReturnId, s.DimensionId }).IsUnique();
    }
}

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.Property(a => a.QuestionId).HasMaxLength(64);
        builder.HasIndex(a => new { a.ReturnId, a.QuestionId }).IsUnique();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.UpdatedBy).WithMany().HasForeignKey(a => a.UpdatedByContributorId)
            .OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ContributorAnswerConfiguration : IEntityTypeConfiguration<ContributorAnswer>
{
    public void Configure(EntityTypeBuilder<ContributorAnswer> builder)
    {
        builder.Property(a => a.QuestionId).HasMaxLength(50);
        builder.HasIndex(a => new { a.ContributorId, a.QuestionId }).IsUnique();
        builder.HasOne(a => a.Contributor).WithMany().HasForeignKey(a => a.ContributorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContributorConfiguration : IEntityTypeConfiguration<Contributor>
{
    public void Configure(EntityTypeBuilder<Contributor> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Role).HasMaxLength(200);
        builder.HasIndex(c => c.InvitationId).IsUnique();
        builder.HasOne(c => c.Invitation).WithMany().HasForeignKey(c => c.InvitationId)
            .OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class SubmissionEventConfiguration : IEntityTypeConfiguration<SubmissionEvent>
{
    public void Configure(EntityTypeBuilder<SubmissionEvent> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.HasIndex(e => new { e.ReturnId, e.At });
    }
}

internal sealed class AggregateSnapshotConfiguration : IEntityTypeConfiguration<AggregateSnapshot>
{
    public void Configure(EntityTypeBuilder<AggregateSnapshot> builder)
    {
        builder.Property(s => s.InputHash).HasMaxLength(64);
        builder.Ignore(s => s.IsProtected);
        builder.HasIndex(s => new { s.RoundId, s.IsCurrent });

        // At most one current snapshot per round, whatever runs race: the database refuses a second.
        // The filter is plain SQL both providers read alike (SQLite stores the bool as 0/1, SQL Server as bit).
        builder.HasIndex(s => s.RoundId, "IX_AggregateSnapshots_OneCurrentPerRound").IsUnique().HasFilter("IsCurrent = 1");
        builder.HasOne<SurveyRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportRunConfiguration : IEntityTypeConfiguration<ReportRun>
{
    public void Configure(EntityTypeBuilder<ReportRun> builder)
    {
        builder.Property(r => r.Kind).HasMaxLength(20);
        builder.Property(r => r.CouncilCode).HasMaxLength(9);
        builder.Property(r => r.RequestedBy).HasMaxLength(200);
        builder.Property(r => r.OutputPath).HasMaxLength(1000);
        builder.Property(r => r.Error).HasMaxLength(4000);
        builder.HasIndex(r => r.Status);
        builder.HasOne<SurveyRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.Target).HasMaxLength(200);
        builder.Property(e => e.Details).HasMaxLength(4000);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.Action);
    }
}

internal sealed class PublishedReportConfiguration : IEntityTypeConfiguration<Publishing.PublishedReport>
{
    public void Configure(EntityTypeBuilder<Publishing.PublishedReport> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.SurveyVersion).HasMaxLength(200);
        builder.Property(p => p.Folder).HasMaxLength(400);
        builder.Property(p => p.PublishedBy).HasMaxLength(200);
        builder.Property(p => p.UnpublishedBy).HasMaxLength(200);
        builder.Ignore(p => p.IsPublished);
        builder.HasIndex(p => new { p.RoundId, p.UnpublishedAt });
        builder.HasOne<Surveys.SurveyRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reporting.ReportRun>().WithMany().HasForeignKey(p => p.ReportRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Aggregation.AggregateSnapshot>().WithMany().HasForeignKey(p => p.SnapshotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PolicyUserConfiguration : IEntityTypeConfiguration<Accounts.PolicyUser>
{
    public void Configure(EntityTypeBuilder<Accounts.PolicyUser> builder) => builder.Property(u => u.DisplayName).HasMaxLength(200);
}
