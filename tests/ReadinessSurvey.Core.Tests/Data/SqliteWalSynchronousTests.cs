using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Data;

public sealed class SqliteWalSynchronousTests : IDisposable
{
    private readonly TestDatabase _database = new(DatabaseProvider.Sqlite);

    [Fact]
    public async Task Connections_to_a_WAL_database_sync_at_checkpoints_only()
    {
        await using (var db = _database.CreateContext())
        {
            // EF creates new SQLite files in WAL already; the app's initializer sets it too.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await using var check = _database.CreateContext();
        Assert.Equal(1, await Synchronous(check)); // NORMAL
    }

    [Fact]
    public async Task Connections_to_a_database_with_a_rollback_journal_keep_full_sync()
    {
        await using (var db = _database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE;");
        }

        // A pooled connection keeps the setting it was opened with: new connections find the rollback journal.
        _database.CloseIdleConnections();

        await using var check = _database.CreateContext();
        Assert.Equal(2, await Synchronous(check)); // FULL, SQLite's default
    }

    public void Dispose() => _database.Dispose();

    private static async Task<int> Synchronous(Microsoft.EntityFrameworkCore.DbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            return (await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToListAsync()).Single();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
