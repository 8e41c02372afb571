using Hangfire;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Jobs;

namespace ReadinessSurvey.Web.Jobs;

/// <summary>
/// At start: (re)declares the nightly aggregation of open rounds, and enqueues again every report request
/// left pending or running when job storage is in memory (it forgets them when the process ends). Server
/// storage keeps them, and re-enqueuing there at every node's start would only run a report twice.
/// </summary>
public sealed partial class JobsStartup(
    IServiceScopeFactory scopes, IRecurringJobManager recurring, JobStorage storage, IOptions<JobsOptions> options, ILogger<JobsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        recurring.AddOrUpdate<AggregationJob>(
            JobsHosting.NightlyAggregationJobId,
            j => j.RunOpenRoundsAsync(CancellationToken.None),
            settings.NightlyAggregationCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone) });

        if (storage is not Hangfire.InMemory.InMemoryStorage)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var requeued = await scope.ServiceProvider.GetRequiredService<ReportQueue>().RequeueUnfinishedAsync(cancellationToken);
        if (requeued > 0)
        {
            LogRequeued(requeued);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Enqueued {Count} unfinished report requests again")]
    private partial void LogRequeued(int count);
}
