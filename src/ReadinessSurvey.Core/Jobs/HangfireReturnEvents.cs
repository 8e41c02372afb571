using Microsoft.Extensions.Logging;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Jobs;

/// <summary>Schedules a coalesced aggregation run whenever a return is submitted or reopened.</summary>
public sealed partial class HangfireReturnEvents(AggregationScheduler scheduler, ILogger<HangfireReturnEvents> logger) : IReturnEvents
{
    public Task ReturnChangedAsync(int roundId, CancellationToken cancellationToken)
    {
        try
        {
            scheduler.Request(roundId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The return is already saved: never fail the respondent's submission because job storage is
            // unavailable. The nightly run counts the change.
            LogNotScheduled(ex, roundId);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not schedule aggregation for round {RoundId}; the nightly run will include the change")]
    private partial void LogNotScheduled(Exception exception, int roundId);
}
