using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ReadinessSurvey.Data;

/// <summary>
/// Copies every row of one database (in practice the embedded SQLite file) into an empty one (PostgreSQL or
/// SQL Server): rounds, returns, answers, history, snapshots, users, audit log, keys, everything in the
/// model. Keys are kept, so links and references stay valid. It refuses a target that holds any row, and
/// afterwards checks that every table's count and the latest snapshot's hash match.
/// </summary>
public sealed class DatabaseCopier(ReadinessDbContext source, ReadinessDbContext target, DatabaseProvider targetProvider)
{
    private const int BatchSize = 1000;

    public async Task<CopyResult> CopyAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        await target.Database.MigrateAsync(cancellationToken);
        var tables = InDependencyOrder(target.Model);
        foreach (var table in tables)
        {
            if (await CountAsync(target, table, cancellationToken) > 0)
            {
                throw new InvalidOperationException(
                    $"The target database is not empty: table {table.GetTableName()} has rows. Copy only into a new, empty database " +
                    "(before the web app or a worker has started on it: they load the council register).");
            }
        }

        var counts = new List<TableCount>();
        foreach (var table in tables)
        {
            var copied = await (Task<int>)typeof(DatabaseCopier).GetMethod(nameof(CopyTableAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(table.ClrType).Invoke(this, [table, cancellationToken])!;
            var inTarget = await CountAsync(target, table, cancellationToken);
            counts.Add(new TableCount(table.GetTableName()!, copied, inTarget));
            progress?.Report($"{table.GetTableName()}: {inTarget} rows");
        }

        if (targetProvider == DatabaseProvider.PostgreSql)
        {
            await PostgreSqlDatabase.ContinueIdentitiesAsync(target, tables, cancellationToken);
        }

        var sourceHash = await LatestSnapshotHashAsync(source, cancellationToken);
        var targetHash = await LatestSnapshotHashAsync(target, cancellationToken);
        return new CopyResult(counts, sourceHash, targetHash);
    }

    private async Task<int> CopyTableAsync<T>(IEntityType table, CancellationToken cancellationToken)
        where T : class
    {
        var identity = targetProvider == DatabaseProvider.SqlServer && SqlServerDatabase.HasIdentity(table);
        var copied = 0;
        var batch = new List<T>(BatchSize);
        await foreach (var row in source.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == BatchSize)
            {
                copied += await SaveAsync(table, batch, identity, cancellationToken);
            }
        }

        return copied + await SaveAsync(table, batch, identity, cancellationToken);
    }

    private async Task<int> SaveAsync<T>(IEntityType table, List<T> batch, bool identity, CancellationToken cancellationToken)
        where T : class
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        target.Set<T>().AddRange(batch);
        if (identity)
        {
            await SqlServerDatabase.SaveWithIdentityInsertAsync(target, table, cancellationToken);
        }
        else
        {
            await target.SaveChangesAsync(cancellationToken);
        }

        var count = batch.Count;
        batch.Clear();
        target.ChangeTracker.Clear();
        return count;
    }

    private static Task<int> CountAsync(ReadinessDbContext db, IEntityType table, CancellationToken cancellationToken) =>
        (Task<int>)typeof(DatabaseCopier).GetMethod(nameof(CountOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(table.ClrType).Invoke(null, [db, cancellationToken])!;

    private static Task<int> CountOfAsync<T>(ReadinessDbContext db, CancellationToken cancellationToken)
        where T : class => db.Set<T>().CountAsync(cancellationToken);

    /// <summary>SHA-256 over the latest snapshot's stored JSON and input hash, or null when there is none.</summary>
    public static async Task<string?> LatestSnapshotHashAsync(ReadinessDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.AggregateSnapshots.AsNoTracking().OrderByDescending(s => s.Id)
            .Select(s => new { s.Id, s.InputHash, s.ContentJson, s.PublishedJson, s.SuppressionLogJson }).FirstOrDefaultAsync(cancellationToken);
        return latest is null
            ? null
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', latest.Id, latest.InputHash, latest.ContentJson, latest.PublishedJson, latest.SuppressionLogJson))));
    }

    /// <summary>The tables (owned types travel with their owners) ordered so that every row's references are copied before it.</summary>
    private static List<IEntityType> InDependencyOrder(IModel model)
    {
        var remaining = model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null).ToList();
        var ordered = new List<IEntityType>();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(e => e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || ordered.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The model's references form a cycle: " + string.Join(", ", remaining.Select(e => e.GetTableName())));
            }

            ordered.AddRange(ready.OrderBy(e => e.GetTableName(), StringComparer.Ordinal));
            remaining.RemoveAll(ready.Contains);
        }

        return ordered;
    }
}

/// <summary>A table's rows as copied and as counted in the target afterwards.</summary>
public sealed record TableCount(string Table, int Copied, int InTarget);

/// <summary>The outcome of a copy: per-table counts and the latest snapshot's hash on each side.</summary>
public sealed record CopyResult(IReadOnlyList<TableCount> Tables, string? SourceSnapshotHash, string? TargetSnapshotHash)
{
    public bool Matches => Tables.All(t => t.Copied == t.InTarget) && SourceSnapshotHash == TargetSnapshotHash;
}
