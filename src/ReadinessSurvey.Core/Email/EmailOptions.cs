using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ReadinessSurvey.Email;

/// <summary>How the platform sends email, bound from the "Email" section.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>Pickup (default: .eml files in <see cref="PickupDirectory"/>), Smtp or Notify.</summary>
    public EmailMode Mode { get; set; } = EmailMode.Pickup;

    /// <summary>The sender's address (Pickup and Smtp; Notify uses the service's own).</summary>
    [Required]
    public string From { get; set; } = "ai-readiness@localhost";

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "AI readiness survey";

    /// <summary>Who respondents should contact with questions: shown in every message.</summary>
    [Required]
    public string Contact { get; set; } = "the AI readiness survey team at ai-readiness@localhost";

    /// <summary>Where Pickup mode writes its .eml files (a relative path is under <c>Storage:DataFolder</c>: by default <c>data/mail</c>).</summary>
    [Required]
    public string PickupDirectory { get; set; } = "mail";

    public SmtpSettings Smtp { get; set; } = new();

    public NotifySettings Notify { get; set; } = new();

    /// <summary>Days before a round closes when councils not yet submitted get a reminder, e.g. "14,7,2".</summary>
    public string ReminderDaysBeforeClose { get; set; } = "14,7,2";

    /// <summary>When the reminder check runs (cron, in Jobs:TimeZone); default 09:00 daily.</summary>
    [Required]
    public string ReminderCron { get; set; } = "0 9 * * *";

    /// <summary>Tries per message before it is shown as failed.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the second try; each later try waits twice as long again.</summary>
    [Range(0, 86400)]
    public int RetryDelaySeconds { get; set; } = 60;

    /// <summary>The reminder days as numbers, largest first; a clear error for anything else.</summary>
    public IReadOnlyList<int> ReminderDays()
    {
        var days = new List<int>();
        foreach (var part in ReminderDaysBeforeClose.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day < 1 || day > 365)
            {
                throw new InvalidOperationException(
                    $"Email:ReminderDaysBeforeClose: '{part}' is not a whole number of days from 1 to 365 (expected a list such as 14,7,2).");
            }

            days.Add(day);
        }

        return [.. days.Distinct().OrderDescending()];
    }
}

/// <summary>An SMTP relay, e.g. Microsoft 365 (smtp.office365.com, port 587, STARTTLS).</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Auto (default: STARTTLS when offered, TLS on port 465), StartTls, Tls or None.</summary>
    public string Security { get; set; } = "Auto";
}

/// <summary>GOV.UK Notify: an API key and one email template per kind of message.</summary>
public sealed class NotifySettings
{
    public string? ApiKey { get; set; }

    /// <summary>Notify's API address; change only to point at a stand-in in tests.</summary>
    public string BaseUrl { get; set; } = "https://api.notifications.service.gov.uk";

    public string? InvitationTemplateId { get; set; }

    public string? NewLinkTemplateId { get; set; }

    public string? ReminderTemplateId { get; set; }
}

public enum EmailMode
{
    Pickup = 0,
    Smtp = 1,
    Notify = 2,
}
