using System.Globalization;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace ReadinessSurvey.Jobs;

/// <summary>
/// Schedules a round's aggregation a few seconds after a return changes, coalescing bursts: a run is
/// scheduled only when none is already waiting for that round.
/// </summary>
/// <remarks>
/// The waiting job's id is kept per round in a Hangfire hash, read and written under a Hangfire distributed
/// lock, so the decision holds across web nodes sharing SQL Server storage. A waiting job is one still
/// scheduled or enqueued; once it starts it clears the marker (<see cref="Started"/>), so a return changed
/// while a run is in progress schedules the next run, and no change is ever left out of every run.
/// </remarks>
public sealed class AggregationScheduler(JobStorage storage, IBackgroundJobClient jobs, IOptions<JobsOptions> options)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Schedules a run for the round unless one is already waiting; returns the new job's id, or null.</summary>
    public string? Request(int roundId)
    {
        using var connection = storage.GetConnection();
        using var _ = connection.AcquireDistributedLock(LockKey(roundId), LockTimeout);
        if (PendingJob(connection, roundId) is { } pending && IsWaiting(connection, pending))
        {
            return null;
        }

        var delay = TimeSpan.FromSeconds(options.Value.AggregationDelaySeconds);
        var jobId = jobs.Schedule<AggregationJob>(j => j.RunAsync(roundId, CancellationToken.None), delay);
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(PendingKey(roundId), [new KeyValuePair<string, string>(JobField, jobId)]);
        transaction.Commit();
        return jobId;
    }

    /// <summary>Called by a run as it starts: from now on, a changed return needs a new run.</summary>
    public void Started(int roundId)
    {
        using var connection = storage.GetConnection();
        using var _ = connection.AcquireDistributedLock(LockKey(roundId), LockTimeout);
        if (PendingJob(connection, roundId) is { } pending && !IsWaiting(connection, pending))
        {
            using var transaction = connection.CreateWriteTransaction();
            transaction.RemoveHash(PendingKey(roundId));
            transaction.Commit();
        }
    }

    /// <summary>The id of the job marked as the round's next run, if any (it may have finished).</summary>
    public string? PendingJobId(int roundId)
    {
        using var connection = storage.GetConnection();
        return PendingJob(connection, roundId);
    }

    private const string JobField = "job";

    private static string LockKey(int roundId) => "readiness:aggregation:lock:" + roundId.ToString(CultureInfo.InvariantCulture);

    private static string PendingKey(int roundId) => "readiness:aggregation:pending:" + roundId.ToString(CultureInfo.InvariantCulture);

    private static string? PendingJob(IStorageConnection connection, int roundId) =>
        connection.GetAllEntriesFromHash(PendingKey(roundId))?.GetValueOrDefault(JobField);

    private static bool IsWaiting(IStorageConnection connection, string jobId) =>
        connection.GetStateData(jobId)?.Name is { } state
        && (state == ScheduledState.StateName || state == EnqueuedState.StateName || state == AwaitingState.StateName);
}
