using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ReadinessSurvey.Aggregation;

namespace ReadinessSurvey.Data;

/// <summary>Everything specific to PostgreSQL: its context, options, model differences and design-time factory.</summary>
public static class PostgreSqlDatabase
{
    public static void Configure(DbContextOptionsBuilder builder, string connectionString, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.UseNpgsql(connectionString, pg => pg.EnableRetryOnFailure(options.MaxRetryCount, options.MaxRetryDelay, null));
    }

    public static PostgreSqlReadinessDbContext CreateContext(string connectionString, DatabaseOptions? options = null)
    {
        var builder = new DbContextOptionsBuilder<PostgreSqlReadinessDbContext>();
        Configure(builder, connectionString, options ?? new DatabaseOptions());
        return new PostgreSqlReadinessDbContext(builder.Options);
    }
}

/// <summary>The PostgreSQL model, with migrations under Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlReadinessDbContext(DbContextOptions<PostgreSqlReadinessDbContext> options)
    : ReadinessDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // PostgreSQL keeps a column name's case only when quoted, and its boolean is not a number.
        builder.Entity<AggregateSnapshot>().HasIndex(s => s.RoundId, "IX_AggregateSnapshots_OneCurrentPerRound").HasFilter("\"IsCurrent\"");
    }
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model offline; no server is contacted.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlReadinessDbContext>
{
    public PostgreSqlReadinessDbContext CreateDbContext(string[] args) =>
        PostgreSqlDatabase.CreateContext("Host=design-time;Database=readiness");
}
