using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ReadinessSurvey.Data;

/// <summary>Everything specific to SQLite, the embedded default: its context, options and design-time factory.</summary>
public static class SqliteDatabase
{
    public static void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSqlite(connectionString, sqlite =>
            sqlite.MigrationsHistoryTable("__EFMigrationsHistory"))
            .AddInterceptors(SqliteWalSynchronous.Instance);
    }

    public static SqliteReadinessDbContext CreateContext(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<SqliteReadinessDbContext>();
        Configure(builder, connectionString);
        return new SqliteReadinessDbContext(builder.Options);
    }
}

/// <summary>The SQLite model, with migrations under Data/Migrations/Sqlite.</summary>
public sealed class SqliteReadinessDbContext(DbContextOptions<SqliteReadinessDbContext> options)
    : ReadinessDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteReadinessDbContext>
{
    public SqliteReadinessDbContext CreateDbContext(string[] args) => SqliteDatabase.CreateContext("Data Source=design-time.db");
}
