using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Email;

/// <summary>
/// Queues messages to invited people and hands them to the dispatcher (background jobs in the web app,
/// sent at once by the CLI). Only usable invitations at councils that have not submitted get reminders.
/// </summary>
public sealed class EmailOutbox(ReadinessDbContext db, AuditLog audit, TimeProvider clock, IEmailDispatcher dispatcher)
{
    /// <summary>Queues one message per invitation (invitations, new links or reminders asked for by a person) and audits the request.</summary>
    public async Task<IReadOnlyList<EmailMessage>> QueueAsync(IReadOnlyCollection<int> invitationIds, EmailKind kind, string actor, string? auditTarget = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationIds);
        var now = clock.GetUtcNow().UtcDateTime;
        var usable = await Usable(now).Where(i => invitationIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
        var missing = invitationIds.Except(usable).ToList();
        if (missing.Count > 0)
        {
            throw new InvitationException([$"Invitation {string.Join(", ", missing)} cannot be sent email: it is revoked, erased, or its round is not open."]);
        }

        var messages = usable.Select(id => New(id, kind, null, actor, now)).ToList();
        db.EmailMessages.AddRange(messages);
        audit.Record(actor, "email.queued", auditTarget ?? (messages.Count == 1 ? $"invitation:{messages[0].InvitationId}" : null),
            $"{messages.Count} {EmailDelivery.Label(kind)}{(messages.Count == 1 ? "" : "s")}");
        await db.SaveChangesAsync(cancellationToken);
        await DispatchAsync(messages, cancellationToken);
        return messages;
    }

    /// <summary>
    /// Reminders to everyone who can still take part at councils in the round that have not submitted,
    /// optionally only at the given councils (a filtered chase list).
    /// </summary>
    public async Task<IReadOnlyList<EmailMessage>> RemindAsync(int roundId, IReadOnlyCollection<int>? councilIds, string actor, CancellationToken cancellationToken = default)
    {
        var ids = await RemindableAsync(roundId, councilIds, cancellationToken);
        return ids.Count == 0 ? [] : await QueueAsync(ids, EmailKind.Reminder, actor, $"round:{roundId}", cancellationToken);
    }

    /// <summary>The invitations a reminder would go to now.</summary>
    public async Task<IReadOnlyList<int>> RemindableAsync(int roundId, IReadOnlyCollection<int>? councilIds, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = NotSubmitted(Usable(now).Where(i => i.RoundId == roundId));
        if (councilIds is not null)
        {
            query = query.Where(i => councilIds.Contains(i.CouncilId));
        }

        return await query.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Queues the scheduled reminders due now in every open round: for each round, the latest reminder day
    /// passed (e.g. 7 when 8 days are left of "14,7,2"), to each usable invitation at a council not yet
    /// submitted that existed before that day came and has not had that day's reminder. A unique index
    /// on (invitation, day) makes "never twice" hold even if two runs overlap.
    /// </summary>
    public async Task<int> QueueScheduledRemindersAsync(IReadOnlyList<int> reminderDays, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminderDays);
        var now = clock.GetUtcNow().UtcDateTime;
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open && r.OpensAt <= now && r.ClosesAt > now).ToListAsync(cancellationToken);
        var queued = new List<EmailMessage>();
        foreach (var round in rounds)
        {
            var due = reminderDays.Where(d => round.ClosesAt.AddDays(-d) <= now).Order().Cast<int?>().FirstOrDefault();
            if (due is not { } day)
            {
                continue;
            }

            var dayStarts = round.ClosesAt.AddDays(-day);
            var ids = await NotSubmitted(Usable(now).Where(i => i.RoundId == round.Id && i.CreatedAt < dayStarts))
                .Where(i => !db.EmailMessages.Any(m => m.InvitationId == i.Id && m.ReminderDaysBefore == day))
                .Select(i => i.Id).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                continue;
            }

            var messages = ids.Select(id => New(id, EmailKind.Reminder, day, "system", now)).ToList();
            db.EmailMessages.AddRange(messages);
            audit.Record("system", "email.reminders-scheduled", $"round:{round.Id}", $"{messages.Count} reminders, {day} days before closing");
            await db.SaveChangesAsync(cancellationToken);
            queued.AddRange(messages);
        }

        await DispatchAsync(queued, cancellationToken);
        return queued.Count;
    }

    /// <summary>Messages still waiting (e.g. after a restart lost in-memory jobs): hand them over again.</summary>
    public async Task<int> RequeueWaitingAsync(CancellationToken cancellationToken = default)
    {
        var waiting = await db.EmailMessages.Where(m => m.Status == EmailStatus.Queued).ToListAsync(cancellationToken);
        await DispatchAsync(waiting, cancellationToken);
        return waiting.Count;
    }

    private async Task DispatchAsync(IEnumerable<EmailMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var m in messages)
        {
            await dispatcher.DispatchAsync(m.Id, cancellationToken);
        }
    }

    private IQueryable<Invitation> Usable(DateTime now) => db.Invitations.Where(i =>
        i.RevokedAt == null && i.ErasedAt == null && i.ExpiresAt > now
        && i.Round!.Status == RoundStatus.Open && i.Round.OpensAt <= now && i.Round.ClosesAt > now);

    private IQueryable<Invitation> NotSubmitted(IQueryable<Invitation> invitations) => invitations.Where(i =>
        !db.Returns.Any(r => r.RoundId == i.RoundId && r.CouncilId == i.CouncilId && r.Status == ReturnStatus.Submitted));

    private static EmailMessage New(int invitationId, EmailKind kind, int? day, string actor, DateTime now) => new()
    {
        InvitationId = invitationId,
        Kind = kind,
        ReminderDaysBefore = day,
        Status = EmailStatus.Queued,
        QueuedBy = actor,
        QueuedAt = now,
    };
}

/// <summary>Gets a queued message sent: a background job in the web app, at once in the CLI.</summary>
public interface IEmailDispatcher
{
    Task DispatchAsync(int messageId, CancellationToken cancellationToken);
}

/// <summary>
/// Sends at once, retrying in process with the configured waits: for the CLI, which has no job server.
/// A message that fails every try is shown as failed, like one sent by a job.
/// </summary>
public sealed class ImmediateEmailDispatcher(EmailDelivery delivery) : IEmailDispatcher
{
    public async Task DispatchAsync(int messageId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await delivery.SendAsync(messageId, cancellationToken) != DeliveryOutcome.Retry)
            {
                return;
            }

            await Task.Delay(delivery.RetryDelay(attempt), cancellationToken);
        }
    }
}
