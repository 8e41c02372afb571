using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ReadinessSurvey.Data;

/// <summary>Everything specific to SQL Server: its context, options and design-time factory.</summary>
public static class SqlServerDatabase
{
    public static void Configure(DbContextOptionsBuilder builder, string connectionString, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure(options.MaxRetryCount, options.MaxRetryDelay, null));
    }

    public static SqlServerReadinessDbContext CreateContext(string connectionString, DatabaseOptions? options = null)
    {
        var builder = new DbContextOptionsBuilder<SqlServerReadinessDbContext>();
        Configure(builder, connectionString, options ?? new DatabaseOptions());
        return new SqlServerReadinessDbContext(builder.Options);
    }
}

/// <summary>The SQL Server model, with migrations under Data/Migrations/SqlServer.</summary>
public sealed class SqlServerReadinessDbContext(DbContextOptions<SqlServerReadinessDbContext> options)
    : ReadinessDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the SQL Server model offline; no server is contacted.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerReadinessDbContext>
{
    public SqlServerReadinessDbContext CreateDbContext(string[] args) =>
        SqlServerDatabase.CreateContext("Server=(design-time);Database=Readiness;Trusted_Connection=True;TrustServerCertificate=True");
}
