using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ReadinessSurvey.Data;

/// <summary>
/// Applies pending migrations at start without ever hanging. EF Core guards migrations with a lock:
/// on SQLite a row in <c>__EFMigrationsLock</c> that a killed process leaves behind, after which every
/// later start waits for it forever; on a server database a session lock the server drops with the
/// session. So: nothing is done (and no lock taken) when no migration is pending; on a SQLite file an
/// operating-system lock beside the file, which dies with its process, decides who migrates, and a
/// lock row found while holding it can only be stale, so it is removed with a warning; on a server
/// database the wait is bounded and ends with a message that says what to check.
/// </summary>
public sealed class MigrationRunner(ReadinessDbContext db, DatabaseTarget target, DatabaseOptions options, ILogger<MigrationRunner> logger)
{
    /// <summary>EF Core's SQLite migration lock table (see its SqliteHistoryRepository).</summary>
    private const string SqliteLockTable = "__EFMigrationsLock";

    private TimeSpan Timeout => TimeSpan.FromSeconds(options.MigrationTimeoutSeconds);

    public async Task ApplyPendingAsync(CancellationToken cancellationToken = default)
    {
        if (!await AnyPendingAsync(cancellationToken))
        {
            logger.LogInformation("The database schema is up to date; no migrations to apply");
            return;
        }

        if (target.Provider == DatabaseProvider.Sqlite && DataServiceCollectionExtensions.SqliteFile(target.ConnectionString) is { } file)
        {
            await MigrateSqliteFileAsync(file, cancellationToken);
        }
        else
        {
            await MigrateWithTimeoutAsync(cancellationToken);
        }
    }

    private async Task MigrateSqliteFileAsync(string file, CancellationToken cancellationToken)
    {
        await using var fileLock = await HoldFileLockAsync(file + ".migrating", cancellationToken);

        // Another process may have finished the work while this one waited.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            logger.LogInformation("Another process applied the pending migrations");
            return;
        }

        if (await RemoveStaleSqliteLockAsync(cancellationToken) is { } stale)
        {
            logger.LogWarning(
                "Removed a stale migration lock from {File} (taken {Taken}): a process was stopped while applying migrations. Only one process migrates a SQLite file at a time, so it was safe to remove",
                file, stale);
        }

        logger.LogInformation("Applying {Count} pending migrations: {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Migrations applied");
    }

    private async Task MigrateWithTimeoutAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Applying {Count} pending migrations: {Migrations}", pending.Count, string.Join(", ", pending));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await db.Database.MigrateAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                $"The database migrations did not finish within {Timeout.TotalSeconds:0} seconds. Another node may be applying them " +
                "and holding the migration lock: wait for it to finish, or check for a stuck session on the database server, then start again. " +
                "Database:MigrationTimeoutSeconds sets the wait.");
        }

        logger.LogInformation("Migrations applied");
    }

    private async Task<bool> AnyPendingAsync(CancellationToken cancellationToken) =>
        (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();

    /// <summary>
    /// An exclusive lock on a file beside the database. .NET takes it with flock on Linux and a share
    /// lock on Windows; both end with the process, however it ends.
    /// </summary>
    private async Task<FileStream> HoldFileLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var told = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!told)
                {
                    logger.LogWarning("Waiting for another process to finish applying migrations to the database");
                    told = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
            catch (IOException ex)
            {
                throw new InvalidOperationException(
                    $"Another process has been applying migrations to the database for more than {Timeout.TotalSeconds:0} seconds " +
                    $"(it holds {path}). Stop it, or wait for it to finish, then start again.", ex);
            }
        }
    }

    /// <summary>Removes EF Core's lock row, if any, and says when it was taken; null when there was none.</summary>
    private async Task<string?> RemoveStaleSqliteLockAsync(CancellationToken cancellationToken)
    {
        // Raw SQL because EF Core has no API for its own lock table (decision record 0020).
        var tables = await db.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}", SqliteLockTable)
            .SingleAsync(cancellationToken);
        if (tables == 0)
        {
            return null;
        }

        var taken = await db.Database
            .SqlQueryRaw<string>($"SELECT CAST(\"Timestamp\" AS TEXT) AS \"Value\" FROM \"{SqliteLockTable}\"")
            .ToListAsync(cancellationToken);
        if (taken.Count == 0)
        {
            return null;
        }

        await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{SqliteLockTable}\"", cancellationToken);
        return string.Join(", ", taken);
    }
}
