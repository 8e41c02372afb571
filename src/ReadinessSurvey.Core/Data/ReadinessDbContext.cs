using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using ReadinessSurvey.Accounts;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Data;

/// <summary>
/// The platform's database. Each provider has a subclass (<see cref="SqliteReadinessDbContext"/>,
/// <see cref="PostgreSqlReadinessDbContext"/>, <see cref="SqlServerReadinessDbContext"/>) that owns its own migration set; code depends on this type.
/// It holds Identity's tables too, so accounts, audit and data share one transaction and one backup.
/// </summary>
public abstract class ReadinessDbContext(DbContextOptions options) : IdentityDbContext<PolicyUser>(options), IDataProtectionKeyContext
{
    public DbSet<Council> Councils => Set<Council>();

    public DbSet<SurveyDefinitionVersion> SurveyDefinitions => Set<SurveyDefinitionVersion>();

    public DbSet<SurveyRound> Rounds => Set<SurveyRound>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<CouncilReturn> Returns => Set<CouncilReturn>();

    public DbSet<Answer> Answers => Set<Answer>();


    public DbSet<ReturnScore> ReturnScores => Set<ReturnScore>();

    public DbSet<Contributor> Contributors => Set<Contributor>();

    public DbSet<ContributorAnswer> ContributorAnswers => Set<ContributorAnswer>();

    public DbSet<Email.EmailMessage> EmailMessages => Set<Email.EmailMessage>();

    public DbSet<SubmissionEvent> SubmissionEvents => Set<SubmissionEvent>();

    public DbSet<AggregateSnapshot> AggregateSnapshots => Set<AggregateSnapshot>();

    public DbSet<SnapshotCouncil> SnapshotCouncils => Set<SnapshotCouncil>();

    public DbSet<ReportRun> ReportRuns => Set<ReportRun>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Publishing.PublishedReport> PublishedReports => Set<Publishing.PublishedReport>();

    /// <summary>Personal API tokens of the policy team (hashes only).</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>ASP.NET Core Data Protection keys, shared by every web node so any node can read any cookie.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Identity's tables (users, roles, claims, logins, tokens) for the policy team's accounts.
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ReadinessDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Every stored time is UTC; reading it back marks it so, whatever the provider returns.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
