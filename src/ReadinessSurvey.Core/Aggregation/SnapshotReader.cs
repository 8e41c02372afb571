using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Aggregation;

/// <summary>Reads the current aggregate snapshot of a round, for reports and dashboards.</summary>
public sealed class SnapshotReader(ReadinessDbContext db)
{
    /// <summary>
    /// The round's current snapshot with its per-council rows, or null before the first run. A run swaps
    /// the current snapshot in one transaction, so a reader sees either the old one or the new one, whole.
    /// </summary>
    public Task<AggregateSnapshot?> GetCurrentSnapshotAsync(int roundId, CancellationToken cancellationToken = default) =>
        Current(roundId)
            .Include(s => s.Councils)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A snapshot by id with its per-council rows, current or not; null when there is none.</summary>
    public Task<AggregateSnapshot?> GetSnapshotAsync(long snapshotId, CancellationToken cancellationToken = default) =>
        db.AggregateSnapshots.AsNoTracking()
            .Where(s => s.Id == snapshotId)
            .Include(s => s.Councils)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The id of the round's current snapshot, or null before the first run; reads no JSON, so callers can cache by it.</summary>
    public Task<long?> GetCurrentSnapshotIdAsync(int roundId, CancellationToken cancellationToken = default) =>
        db.AggregateSnapshots.AsNoTracking()
            .Where(s => s.RoundId == roundId && s.IsCurrent)
            .OrderByDescending(s => s.Id)
            .Select(s => (long?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every snapshot of the round, current and retired, oldest first, without their JSON.</summary>
    public Task<List<SnapshotSummary>> GetHistoryAsync(int roundId, CancellationToken cancellationToken = default) =>
        db.AggregateSnapshots.AsNoTracking()
            .Where(s => s.RoundId == roundId)
            .OrderBy(s => s.Id)
            .Select(s => new SnapshotSummary(s.Id, s.ComputedAt, s.ReturnCount))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The round's newest snapshot whose published view is protected, with its per-council rows, or null before the
    /// first is. It is the current one once the run that counted it has protected it; until then, the one before.
    /// </summary>
    public Task<AggregateSnapshot?> GetLatestProtectedSnapshotAsync(int roundId, CancellationToken cancellationToken = default) =>
        LatestProtected(roundId)
            .Include(s => s.Councils)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The newest protected published view of the round (see <see cref="GetLatestProtectedSnapshotAsync"/>), or null.</summary>
    public async Task<SnapshotContent?> GetLatestPublishedAsync(int roundId, CancellationToken cancellationToken = default) =>
        await LatestProtected(roundId).FirstOrDefaultAsync(cancellationToken) is { } snapshot ? SnapshotJson.ReadPublished(snapshot) : null;

    /// <summary>The internal view of the current snapshot (small cells and per-council data), or null.</summary>
    public async Task<SnapshotContent?> GetCurrentContentAsync(int roundId, CancellationToken cancellationToken = default) =>
        await GetCurrentSnapshotAsync(roundId, cancellationToken) is { } snapshot ? SnapshotJson.ReadContent(snapshot) : null;

    private IQueryable<AggregateSnapshot> Current(int roundId) =>
        db.AggregateSnapshots.AsNoTracking()
            .Where(s => s.RoundId == roundId && s.IsCurrent)
            .OrderByDescending(s => s.Id);

    private IQueryable<AggregateSnapshot> LatestProtected(int roundId) =>
        db.AggregateSnapshots.AsNoTracking()
            .Where(s => s.RoundId == roundId && s.PublishedJson != null)
            .OrderByDescending(s => s.Id);
}

/// <summary>When a snapshot was taken and how many submitted returns it counted.</summary>
public sealed record SnapshotSummary(long Id, DateTime ComputedAt, int ReturnCount);
