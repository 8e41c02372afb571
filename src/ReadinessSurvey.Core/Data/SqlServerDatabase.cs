using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;

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

    /// <summary>True when the table's key is an identity column (SQL Server refuses explicit values there unless told).</summary>
    public static bool HasIdentity(IEntityType table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && (key.ClrType == typeof(int) || key.ClrType == typeof(long));
    }

    /// <summary>Saves rows that carry their own identity values (<see cref="DatabaseCopier"/>), with IDENTITY_INSERT on for the table meanwhile.</summary>
    public static async Task SaveWithIdentityInsertAsync(DbContext db, IEntityType table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(table);
        var name = $"[{table.GetSchema() ?? "dbo"}].[{table.GetTableName()}]";
        // IDENTITY_INSERT belongs to the session: hold one connection open across the three statements.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
#pragma warning disable EF1002 // The table name comes from the model, not from input; identifiers cannot be parameters.
            await db.Database.ExecuteSqlRawAsync($"SET IDENTITY_INSERT {name} ON", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync($"SET IDENTITY_INSERT {name} OFF", cancellationToken);
#pragma warning restore EF1002
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
