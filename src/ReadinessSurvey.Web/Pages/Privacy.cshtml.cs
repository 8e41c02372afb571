using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Email;
using ReadinessSurvey.Privacy;
using ReadinessSurvey.Web.Site;

namespace ReadinessSurvey.Web.Pages;

/// <summary>
/// The privacy notice, read from the configured file (Site:PrivacyNoticeFile) on each request so an edit shows at once.
/// <c>{RetainContactsMonths}</c>, <c>{ReminderDaysBeforeClose}</c> and <c>{ContactEmail}</c> in it become the running settings,
/// so the notice always states the retention and reminders the platform actually applies.
/// </summary>
public sealed class PrivacyModel(
    IOptions<SiteOptions> site, IOptions<PrivacyOptions> privacy, IOptions<EmailOptions> email, IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<NoticeBlock> Blocks { get; private set; } = [];

    public string ContactEmail => site.Value.ContactEmail;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(environment.ContentRootPath, site.Value.PrivacyNoticeFile);
        var text = (await System.IO.File.ReadAllTextAsync(path, cancellationToken))
            .Replace("{RetainContactsMonths}", privacy.Value.RetainContactsMonths.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{ReminderDaysBeforeClose}", Days(email.Value.ReminderDaysBeforeClose), StringComparison.Ordinal)
            .Replace("{ContactEmail}", site.Value.ContactEmail, StringComparison.Ordinal);
        Blocks = NoticeText.Parse(text);
    }

    /// <summary>"14,7,2" as "14, 7 and 2".</summary>
    private static string Days(string list)
    {
        var days = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return days.Length <= 1 ? string.Join("", days) : $"{string.Join(", ", days[..^1])} and {days[^1]}";
    }
}
