using Hangfire;
using Microsoft.Extensions.Logging;
using ReadinessSurvey.Aggregation;

namespace ReadinessSurvey.Jobs;

/// <summary>
/// Aggregation as a background job. Hangfire stores the type and method names: do not rename or move
/// this class or its methods once they have run in production. Runs of the same round may overlap
/// (two nodes, or the nightly run beside a triggered one); <see cref="AggregationRunner"/> serialises
/// them in the database, so each makes a consistent snapshot and the last to commit is current.
/// </summary>
public sealed partial class AggregationJob(RoundAggregator aggregator, AggregationScheduler scheduler, ILogger<AggregationJob> logger)
{
    /// <summary>Aggregates one round (scheduled by <see cref="AggregationScheduler"/> after returns change).</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(int roundId, CancellationToken cancellationToken)
    {
        scheduler.Started(roundId);
        var summary = await aggregator.AggregateAsync(roundId, cancellationToken);
        LogAggregated(summary.RoundId, summary.ReturnsAggregated, summary.SnapshotId, summary.SuppressedCells);
    }

    /// <summary>Aggregates every open round (the nightly recurring job).</summary>
    [AutomaticRetry(Attempts = 1)]
    public async Task RunOpenRoundsAsync(CancellationToken cancellationToken)
    {
        foreach (var roundId in await aggregator.OpenRoundIdsAsync(cancellationToken))
        {
            var summary = await aggregator.AggregateAsync(roundId, cancellationToken);
            LogAggregated(summary.RoundId, summary.ReturnsAggregated, summary.SnapshotId, summary.SuppressedCells);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Aggregated round {RoundId}: {Returns} returns, snapshot {SnapshotId}, {Suppressed} cells withheld")]
    private partial void LogAggregated(int roundId, int returns, long snapshotId, int? suppressed);
}
