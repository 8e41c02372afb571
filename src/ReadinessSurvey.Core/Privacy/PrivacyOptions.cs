using System.ComponentModel.DataAnnotations;

namespace ReadinessSurvey.Privacy;

/// <summary>How long personal data is kept, bound from the "Privacy" section.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Months after a round closes that its contributors' names, emails and roles are kept.</summary>
    [Range(0, 120)]
    public int RetainContactsMonths { get; set; } = 12;

    /// <summary>When the retention job runs (cron, in Jobs:TimeZone); default 03:30 daily.</summary>
    [Required]
    public string RetentionCron { get; set; } = "30 3 * * *";
}
