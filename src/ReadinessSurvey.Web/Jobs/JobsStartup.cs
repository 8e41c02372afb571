using Hangfire;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Email;
using ReadinessSurvey.Jobs;
using ReadinessSurvey.Privacy;

namespace ReadinessSurvey.Web.Jobs;

/// <summary>
/// At start: (re)declares the nightly aggregation of open rounds, the reminder check and the retention job,
/// and, when job storage is in memory (it forgets jobs when the process ends), enqueues again every report
/// request left pending or running and every unsent email. Server storage keeps their jobs, and re-enqueuing
/// them at every node's start would only run a report twice or send an email twice.
/// </summary>
public sealed partial class JobsStartup(
    IServiceScopeFactory scopes, IRecurringJobManager recurring, JobStorage storage, IOptions<JobsOptions> options, IOptions<EmailOptions> email,
    IOptions<PrivacyOptions> privacy, ILogger<JobsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var zone = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone) };
        recurring.AddOrUpdate<AggregationJob>(
            JobsHosting.NightlyAggregationJobId, j => j.RunOpenRoundsAsync(CancellationToken.None), settings.NightlyAggregationCron, zone);
        recurring.AddOrUpdate<ReminderJob>(JobsHosting.RemindersJobId, j => j.RunAsync(CancellationToken.None), email.Value.ReminderCron, zone);
        recurring.AddOrUpdate<RetentionJob>(JobsHosting.RetentionJobId, j => j.RunAsync(CancellationToken.None), privacy.Value.RetentionCron, zone);

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

        var waiting = await scope.ServiceProvider.GetRequiredService<EmailOutbox>().RequeueWaitingAsync(cancellationToken);
        if (waiting > 0)
        {
            LogEmailRequeued(waiting);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Enqueued {Count} unfinished report requests again")]
    private partial void LogRequeued(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enqueued {Count} unsent email messages again")]
    private partial void LogEmailRequeued(int count);
}
