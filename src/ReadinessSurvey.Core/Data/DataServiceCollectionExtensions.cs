using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ReadinessSurvey.Data;

/// <summary>Registers the database for the provider chosen by <c>Database:Provider</c>.</summary>
public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Readiness";

    public static IServiceCollection AddReadinessData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        services.AddSingleton(options);
        services.AddSingleton(new DatabaseTarget(options.Provider, ResolveConnectionString(options.Provider, connectionString)));

        // Pooled: a request reuses a reset context instead of building a new one and its internal services.
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<ReadinessDbContext, SqlServerReadinessDbContext>((sp, builder) =>
                    ConfigureSqlServer(builder, sp.GetRequiredService<DatabaseTarget>().ConnectionString));
                break;
            default:
                services.AddDbContextPool<ReadinessDbContext, SqliteReadinessDbContext>((sp, builder) =>
                    ConfigureSqlite(builder, sp.GetRequiredService<DatabaseTarget>().ConnectionString));
                break;
        }

        services.AddScoped<MigrationRunner>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    public static string ResolveConnectionString(DatabaseProvider provider, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (provider == DatabaseProvider.SqlServer)
        {
            throw new InvalidOperationException(
                "Database:Provider is SqlServer but no connection string is set. Set ConnectionStrings:Readiness " +
                "(for example with the environment variable ConnectionStrings__Readiness).");
        }

        return ProjectPaths.DefaultSqliteConnectionString;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSqlite(connectionString, sqlite =>
            sqlite.MigrationsHistoryTable("__EFMigrationsHistory"))
            .AddInterceptors(SqliteWalSynchronous.Instance);
    }

    public static void ConfigureSqlServer(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure());
    }

    /// <summary>Creates a context for a provider and connection string without a service provider (CLI tools, tests).</summary>
    public static ReadinessDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            var sql = new DbContextOptionsBuilder<SqlServerReadinessDbContext>();
            ConfigureSqlServer(sql, connectionString);
            return new SqlServerReadinessDbContext(sql.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteReadinessDbContext>();
        ConfigureSqlite(sqlite, connectionString);
        return new SqliteReadinessDbContext(sqlite.Options);
    }

    /// <summary>The SQLite file a connection string points at, or null for an in-memory database (<c>:memory:</c>, <c>Mode=Memory</c> or no data source).</summary>
    public static string? SqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : Path.GetFullPath(builder.DataSource);
    }
}

/// <summary>The database in use: provider and resolved connection string.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString);
