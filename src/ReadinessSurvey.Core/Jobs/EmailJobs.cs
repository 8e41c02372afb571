using Hangfire;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Email;
using ReadinessSurvey.Privacy;

namespace ReadinessSurvey.Jobs;

/// <summary>
/// Sends one queued message. Retries are its own (with <c>Email:RetryDelaySeconds</c>, doubling) rather than
/// Hangfire's, so the message row always says how many tries were made and why the last one failed.
/// </summary>
public sealed class EmailJob(EmailDelivery delivery, IBackgroundJobClient jobs)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task SendAsync(int messageId, CancellationToken cancellationToken)
    {
        if (await delivery.SendAsync(messageId, cancellationToken) == DeliveryOutcome.Retry)
        {
            var delay = delivery.RetryDelay(await delivery.AttemptsAsync(messageId, cancellationToken));
            if (delay <= TimeSpan.Zero)
            {
                jobs.Enqueue<EmailJob>(j => j.SendAsync(messageId, CancellationToken.None));
            }
            else
            {
                jobs.Schedule<EmailJob>(j => j.SendAsync(messageId, CancellationToken.None), delay);
            }
        }
    }
}

/// <summary>Hands queued messages to <see cref="EmailJob"/>.</summary>
public sealed class HangfireEmailDispatcher(IBackgroundJobClient jobs) : IEmailDispatcher
{
    public Task DispatchAsync(int messageId, CancellationToken cancellationToken)
    {
        jobs.Enqueue<EmailJob>(j => j.SendAsync(messageId, CancellationToken.None));
        return Task.CompletedTask;
    }
}

/// <summary>Queues the scheduled reminders that are due (<c>Email:ReminderDaysBeforeClose</c>).</summary>
public sealed class ReminderJob(EmailOutbox outbox, IOptions<EmailOptions> options)
{
    [AutomaticRetry(Attempts = 1)]
    public Task<int> RunAsync(CancellationToken cancellationToken) =>
        outbox.QueueScheduledRemindersAsync(options.Value.ReminderDays(), cancellationToken);
}

/// <summary>Erases contributors' details past <c>Privacy:RetainContactsMonths</c>.</summary>
public sealed class RetentionJob(PersonalData people)
{
    [AutomaticRetry(Attempts = 1)]
    public Task<int> RunAsync(CancellationToken cancellationToken) => people.EraseExpiredAsync("system", cancellationToken);
}
