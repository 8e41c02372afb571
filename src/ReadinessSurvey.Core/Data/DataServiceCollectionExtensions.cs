using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ReadinessSurvey.Data;

/// <summary>
/// Registers the database for the provider chosen by <c>Database:Provider</c>. What differs between
/// providers lives in <see cref="SqliteDatabase"/>, <see cref="PostgreSqlDatabase"/> and <see cref="SqlServerDatabase"/>.
/// </summary>
public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Readiness";

    public static IServiceCollection AddReadinessData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        services.AddSingleton(options);
        CheckConnectionString(options.Provider, connectionString);

        // Without a connection string, SQLite's file is in the data folder, known once the storage settings are checked.
        services.AddSingleton(sp => new DatabaseTarget(options.Provider, string.IsNullOrWhiteSpace(connectionString)
            ? $"Data Source={sp.GetRequiredService<Storage.StoragePaths>().DefaultSqliteFile}"
            : connectionString));

        // Pooled: a request reuses a reset context instead of building a new one and its internal services.
        // Interceptors registered as services join every context (tests use one to inject failures).
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<ReadinessDbContext, SqlServerReadinessDbContext>((sp, builder) =>
                    SqlServerDatabase.Configure(builder.AddInterceptors(sp.GetServices<IInterceptor>()), sp.GetRequiredService<DatabaseTarget>().ConnectionString, options));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<ReadinessDbContext, PostgreSqlReadinessDbContext>((sp, builder) =>
                    PostgreSqlDatabase.Configure(builder.AddInterceptors(sp.GetServices<IInterceptor>()), sp.GetRequiredService<DatabaseTarget>().ConnectionString, options));
                break;
            default:
                services.AddDbContextPool<ReadinessDbContext, SqliteReadinessDbContext>((sp, builder) =>
                    SqliteDatabase.Configure(builder.AddInterceptors(sp.GetServices<IInterceptor>()), sp.GetRequiredService<DatabaseTarget>().ConnectionString));
                break;
        }

        services.AddScoped<MigrationRunner>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>The server providers need a connection string; SQLite defaults to a file in the data folder.</summary>
    public static void CheckConnectionString(DatabaseProvider provider, string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured) && provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"Database:Provider is {provider} but no connection string is set. Set ConnectionStrings:Readiness " +
                "(for example with the environment variable ConnectionStrings__Readiness).");
        }
    }

    /// <summary>Creates a context for a provider and connection string without a service provider (CLI tools, tests).</summary>
    public static ReadinessDbContext CreateContext(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.SqlServer => SqlServerDatabase.CreateContext(connectionString),
        DatabaseProvider.PostgreSql => PostgreSqlDatabase.CreateContext(connectionString),
        _ => SqliteDatabase.CreateContext(connectionString),
    };

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
