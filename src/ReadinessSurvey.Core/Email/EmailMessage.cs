using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Email;

/// <summary>
/// One email to one invited person, and what became of it. The address, the text and the link are not
/// stored here: they are built from the invitation when the message is sent, so erasing the invitation
/// erases them too.
/// </summary>
public sealed class EmailMessage
{
    public int Id { get; set; }

    public int InvitationId { get; set; }

    public Invitation? Invitation { get; set; }

    public EmailKind Kind { get; set; }

    /// <summary>For a scheduled reminder, the days before the round closes it is for (e.g. 14); null otherwise.</summary>
    public int? ReminderDaysBefore { get; set; }

    public EmailStatus Status { get; set; }

    /// <summary>How many times sending has been tried.</summary>
    public int Attempts { get; set; }

    /// <summary>Who asked for it: a policy-team user, "cli" or "system" (scheduled reminders).</summary>
    public required string QueuedBy { get; set; }

    public DateTime QueuedAt { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Why the last attempt failed, with the recipient's address taken out.</summary>
    public string? FailureReason { get; set; }
}

/// <summary>What a message is for.</summary>
public enum EmailKind
{
    Invitation = 0,

    /// <summary>A new link, sent again on request (the earlier link stops working).</summary>
    NewLink = 1,

    Reminder = 2,
}

/// <summary>Where a message is: waiting (or being retried), sent, or given up on.</summary>
public enum EmailStatus
{
    Queued = 0,
    Sent = 1,
    Failed = 2,
}
