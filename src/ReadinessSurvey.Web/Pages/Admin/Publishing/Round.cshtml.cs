using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Jobs;
using ReadinessSurvey.Publishing;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Pages.Account;

namespace ReadinessSurvey.Web.Pages.Admin.Publishing;

/// <summary>
/// Reviews a round before publishing: what the published view withholds, and the published workbook of
/// the current results. Publishing needs that workbook finished first, so the admin can open the exact
/// file before anyone else can; "prepare" requests it. Posts are for admins (the admin-area filter).
/// </summary>
public sealed class RoundModel(PublishingService publishing, ReportQueue queue, ReportService reports) : PageModel
{
    public PublishingReview Review { get; private set; } = null!;

    public const int LogPageSize = 100;

    public FormErrors Errors { get; } = [];

    /// <summary>The page of the suppression log, from <c>?p=</c>: a small round withholds thousands of cells.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int LogPage { get; set; } = 1;

    public int LogPageCount => Math.Max(1, (Review.SuppressionLog.Count + LogPageSize - 1) / LogPageSize);

    public IEnumerable<Aggregation.Statistics.SuppressionLogEntry> LogRows =>
        Review.SuppressionLog.Skip((Math.Clamp(LogPage, 1, LogPageCount) - 1) * LogPageSize).Take(LogPageSize);

    [TempData]
    public string? Message { get; set; }

    /// <summary>The log in words (question text, answer labels, group names); null when nothing is withheld.</summary>
    public SuppressionWording? Wording { get; private set; }

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken cancellationToken) =>
        await LoadAsync(roundId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPrepareAsync(int roundId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roundId, cancellationToken))
        {
            return NotFound();
        }

        var run = await queue.RequestAsync(roundId, ReportKinds.Published, null, User.Actor(), cancellationToken);
        Message = $"The published workbook is being prepared (report run {run.Id}). Refresh this page to see when it is ready.";
        return Redirect($"/admin/publishing/{roundId}");
    }

    public async Task<IActionResult> OnPostPublishAsync(int roundId, CancellationToken cancellationToken)
    {
        try
        {
            var report = await publishing.PublishAsync(roundId, User.Actor(), cancellationToken);
            Message = $"Published: \"{report.Title}\" is on its public page at /publications/{report.RoundId}.";
            return Redirect($"/admin/publishing/{roundId}");
        }
        catch (PublishingException ex)
        {
            if (!await LoadAsync(roundId, cancellationToken))
            {
                return NotFound();
            }

            Errors.Add("publish", ex.Message);
            ViewData["HasErrors"] = true;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int roundId, CancellationToken cancellationToken)
    {
        var review = await publishing.ReviewAsync(roundId, cancellationToken);
        if (review is null)
        {
            return false;
        }

        Review = review;
        if (review.SuppressionLog.Count > 0)
        {
            Wording = new SuppressionWording(await reports.LoadAsync(roundId, published: false, cancellationToken));
        }

        return true;
    }
}
