using Hangfire;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Jobs;

namespace ReadinessSurvey.Web.Jobs;

/// <summary>
/// At start: (re)declares the nightly aggregation of open rounds, and enqueues again every report request
/// left pending or running (in-memory job storage forgets them when the process ends).
/// </summary>
public sealed partial class JobsStartup(
    IServiceScopeFactory scopes, IRecurringJobManager recurring, IOptions<JobsOptions> options, ILogger<JobsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        recurring.AddOrUpdate<AggregationJob>(
            JobsHosting.NightlyAggregationJobId,
            j => j.RunOpenRoundsAsync(CancellationToken.None),
            settings.NightlyAggregationCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone) });

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
