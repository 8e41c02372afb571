using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace ReadinessSurvey.Data;

/// <summary>
/// Sets <c>PRAGMA synchronous=NORMAL</c> on every SQLite connection to a database in WAL mode. With the
/// default (FULL) every commit waits for an fsync of the WAL, and since writers queue one at a time
/// (<see cref="Responses.WriteGate"/>) that wait is what every queued save pays for. In WAL mode NORMAL
/// cannot corrupt the database; the trade-off is that the last commits before a power cut or OS crash
/// (not an app crash) may be rolled back. The setting belongs to a connection, not the file, so it is
/// applied once per native connection (pooled connections keep it).
/// </summary>
public sealed class SqliteWalSynchronous : DbConnectionInterceptor
{
    public static readonly SqliteWalSynchronous Instance = new();

    private static readonly ConditionalWeakTable<sqlite3, object> s_done = [];
    private static readonly object s_applied = new();

    private SqliteWalSynchronous()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || s_done.TryGetValue(handle, out _))
        {
            return;
        }

        // Only in WAL mode: with a rollback journal, NORMAL could corrupt the file on a power cut. A
        // database not (yet) in WAL is asked again on the next open: the initializer switches it after migrating.
        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        if (string.Equals(command.ExecuteScalar() as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            command.CommandText = "PRAGMA synchronous=NORMAL";
            command.ExecuteNonQuery();
            s_done.AddOrUpdate(handle, s_applied);
        }
    }
}
