using Microsoft.EntityFrameworkCore.Design;

namespace ReadinessSurvey.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteReadinessDbContext>
{
    public SqliteReadinessDbContext CreateDbContext(string[] args) =>
        (SqliteReadinessDbContext)DataServiceCollectionExtensions.CreateContext(
            DatabaseProvider.Sqlite, "Data Source=design-time.db");
}

/// <summary>Lets <c>dotnet ef</c> build the SQL Server model offline; no server is contacted.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerReadinessDbContext>
{
    public SqlServerReadinessDbContext CreateDbContext(string[] args) =>
        (SqlServerReadinessDbContext)DataServiceCollectionExtensions.CreateContext(
            DatabaseProvider.SqlServer, "Server=(design-time);Database=Readiness;Trusted_Connection=True;TrustServerCertificate=True");
}
