using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Publishing;
using ReadinessSurvey.Web.Accounts;

namespace ReadinessSurvey.Web.Pages.Admin.Publishing;

/// <summary>Confirms taking a publication down; the public page and downloads stop at once.</summary>
public sealed class UnpublishModel(ReadinessDbContext db, PublishingService publishing) : PageModel
{
    public PublishedReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var report = await db.PublishedReports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.UnpublishedAt == null, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var report = await db.PublishedReports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (report is null || !await publishing.UnpublishAsync(id, User.Actor(), cancellationToken))
        {
            return NotFound();
        }

        // Shown by the round's publishing page, which reads the same TempData key.
        TempData[nameof(RoundModel.Message)] = $"\"{report.Title}\" is no longer published.";
        return Redirect($"/admin/publishing/{report.RoundId}");
    }
}
