using System.Collections.Concurrent;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting;

namespace ReadinessSurvey.Web.Dashboard;

/// <summary>
/// The parsed current snapshot of each round, keyed by snapshot id. A request costs one small query
/// (the current snapshot's id); the JSON is read and parsed only when a new snapshot has become current,
/// so dashboards never recompute or re-read aggregates per request. Only the latest snapshot of each
/// round is kept.
/// </summary>
public sealed class DashboardCache : IDisposable
{
    private readonly ConcurrentDictionary<int, DashboardSnapshot> _byRound = new();
    private readonly SemaphoreSlim _loading = new(1, 1);

    /// <summary>The round's current snapshot, parsed; null when the round has no snapshot yet.</summary>
    public async Task<DashboardSnapshot?> GetAsync(int roundId, SnapshotReader snapshots, ReportService reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(reports);
        if (await snapshots.GetCurrentSnapshotIdAsync(roundId, cancellationToken) is not { } currentId)
        {
            return null;
        }

        if (_byRound.TryGetValue(roundId, out var cached) && cached.SnapshotId >= currentId)
        {
            return cached;
        }

        // One load at a time: a burst of requests after a new run parses the snapshot once.
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_byRound.TryGetValue(roundId, out cached) && cached.SnapshotId >= currentId)
            {
                return cached;
            }

            // Through the reporting module's loader, so the dashboard and the workbooks read a snapshot alike.
            var source = await reports.LoadAsync(roundId, published: false, cancellationToken);
            var history = await snapshots.GetHistoryAsync(roundId, cancellationToken);
            var loaded = new DashboardSnapshot(source, history.Where(h => h.Id <= source.Snapshot.Id).ToList());
            _byRound[roundId] = loaded;
            return loaded;
        }
        catch (ReportException)
        {
            // The snapshot vanished between the two reads (the round was deleted): nothing to show.
            return null;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();
}
