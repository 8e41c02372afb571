using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;
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

    /// <summary>
    /// After rows were copied in with their keys (<see cref="DatabaseCopier"/>), moves each identity column's
    /// sequence past the largest key, so the next row the app adds does not collide with a copied one.
    /// </summary>
    public static async Task ContinueIdentitiesAsync(DbContext db, IEnumerable<IEntityType> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var table in tables.Where(HasIdentity))
        {
            var name = table.GetTableName()!;
            var column = table.FindPrimaryKey()!.Properties[0].GetColumnName();
#pragma warning disable EF1002 // Table and column names come from the model, not from input; identifiers cannot be parameters.
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{name}\"', '{column}'), COALESCE(MAX(\"{column}\"), 0) + 1, false) FROM \"{name}\"",
                cancellationToken);
#pragma warning restore EF1002
        }
    }

    private static bool HasIdentity(IEntityType table) =>
        table.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && (key.ClrType == typeof(int) || key.ClrType == typeof(long));

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
