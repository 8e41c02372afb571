using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Aggregates a round by id: reads its survey definition, maps it to question shapes and runs
/// <see cref="AggregationRunner"/>. Background jobs and the CLI call this same code.
/// </summary>
public sealed class RoundAggregator(ReadinessDbContext db, SurveyLibrary surveys, AggregationRunner runner, SnapshotReader snapshots)
{
    /// <summary>Counts the round into a new current snapshot, then protects its published view (the background job and the CLI).</summary>
    public Task<AggregationSummary> AggregateAsync(int roundId, CancellationToken cancellationToken = default) =>
        RunAsync(roundId, protect: true, cancellationToken);

    /// <summary>Counts the round into a new current snapshot and stops there: the internal figures, without a published view.</summary>
    public Task<AggregationSummary> CountAsync(int roundId, CancellationToken cancellationToken = default) =>
        RunAsync(roundId, protect: false, cancellationToken);

    /// <summary>
    /// The round's current snapshot with its published view, for what publishes or benchmarks: when the current one is
    /// not protected yet (its run is still protecting it, or failed to), the round is aggregated and protected now, and
    /// that run's snapshot is returned even if another run has made a newer one current since. Null when the round has
    /// no snapshot at all.
    /// </summary>
    public async Task<AggregateSnapshot?> CurrentProtectedAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var current = await snapshots.GetCurrentSnapshotAsync(roundId, cancellationToken);
        if (current is null || current.IsProtected)
        {
            return current;
        }

        // This run's own snapshot, not whatever is current by now: another run may have counted a newer one meanwhile.
        var summary = await AggregateAsync(roundId, cancellationToken);
        return await snapshots.GetSnapshotAsync(summary.SnapshotId, cancellationToken);
    }

    private async Task<AggregationSummary> RunAsync(int roundId, bool protect, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no round with id {roundId}.");
        var definition = await surveys.GetAsync(round.DefinitionVersionId, cancellationToken);
        var questions = QuestionShapes.From(definition);
        var snapshot = protect
            ? await runner.RunAndProtectAsync(roundId, questions, definition, cancellationToken)
            : await runner.RunAsync(roundId, questions, definition, cancellationToken);
        return new AggregationSummary(
            snapshot.Id, roundId, snapshot.ReturnCount, snapshot.IsProtected ? SnapshotJson.ReadSuppressionLog(snapshot).Count : null, snapshot.ComputedAt);
    }

    /// <summary>The ids of the rounds open now, for the nightly run.</summary>
    public Task<List<int>> OpenRoundIdsAsync(CancellationToken cancellationToken = default) =>
        db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
}

/// <summary>
/// What an aggregation run produced: the snapshot, how many returns it counted and how many published cells it
/// withheld (null when it only counted).
/// </summary>
public sealed record AggregationSummary(long SnapshotId, int RoundId, int ReturnsAggregated, int? SuppressedCells, DateTime ComputedAt);
