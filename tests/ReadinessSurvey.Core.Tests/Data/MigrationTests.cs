using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReadinessSurvey.Data;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Data;

public sealed class MigrationTests
{
    private const string OfflineSqlServer = "Server=(offline);Database=Readiness;Trusted_Connection=True;TrustServerCertificate=True";
    private const string OfflinePostgreSql = "Host=offline;Database=readiness";

    [Fact]
    public void Sqlite_model_has_no_pending_changes()
    {
        using var database = new TestDatabase(DatabaseProvider.Sqlite);
        using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model has changes with no migration: add one to Data/Migrations/Sqlite.");
    }

    [Fact]
    public void SqlServer_model_has_no_pending_changes()
    {
        using var db = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.SqlServer, OfflineSqlServer);

        Assert.False(db.Database.HasPendingModelChanges(), "The SQL Server model has changes with no migration: add one to Data/Migrations/SqlServer.");
    }

    [Fact]
    public void PostgreSql_model_has_no_pending_changes()
    {
        using var db = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.PostgreSql, OfflinePostgreSql);

        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model has changes with no migration: add one to Data/Migrations/PostgreSql.");
    }

    [Fact]
    public void Each_provider_has_its_own_migration_set()
    {
        using var sqlite = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var sqlServer = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.SqlServer, OfflineSqlServer);
        using var postgreSql = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.PostgreSql, OfflinePostgreSql);

        var sets = new[] { sqlite, sqlServer, postgreSql }.Select(db => db.Database.GetMigrations().ToList()).ToList();

        // One squashed Initial per provider before the first release.
        Assert.All(sets, set => Assert.Single(set));
        Assert.Equal(sets.Sum(s => s.Count), sets.SelectMany(s => s).Distinct().Count());
    }

    [ServerDatabaseFact]
    public void Server_migrations_create_every_table()
    {
        foreach (var provider in TestServers.Available())
        {
            using var database = new TestDatabase(provider);
            using var db = database.CreateContext();

            var tables = db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables").ToList();

            foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).Distinct())
            {
                Assert.Contains(table, tables);
            }

            Assert.Empty(db.Database.GetPendingMigrations());
        }
    }

    [Fact]
    public void SqlServer_migration_script_is_generated_offline_and_creates_the_whole_model()
    {
        using var db = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.SqlServer, OfflineSqlServer);
        var migrator = db.GetService<IMigrator>();

        var script = migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).Distinct())
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        Assert.Contains("CREATE UNIQUE INDEX [IX_Returns_RoundId_CouncilId]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Answers_ReturnId_QuestionId]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_SurveyDefinitions_SurveyId_Version]", script, StringComparison.Ordinal);
        Assert.Contains("datetime2", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTOINCREMENT", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_migrations_create_every_table()
    {
        using var database = new TestDatabase(DatabaseProvider.Sqlite);
        using var db = database.CreateContext();

        var tables = db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToList();

        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()))
        {
            Assert.Contains(table, tables);
        }

        Assert.Empty(db.Database.GetPendingMigrations());
    }
}
