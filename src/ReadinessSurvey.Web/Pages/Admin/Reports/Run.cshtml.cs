using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Publishing;
using ReadinessSurvey.Reporting;

namespace ReadinessSurvey.Web.Pages.Admin.Reports;

/// <summary>One report run: where it has got to, and its download when it is ready. Refreshing the page shows progress.</summary>
public sealed class RunModel(ReadinessDbContext db, ReportFolder reports) : PageModel
{
    public ReportRun Run { get; private set; } = null!;

    public string RoundName { get; private set; } = "";

    public IReadOnlyList<string> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.ReportRuns.AsNoTracking().Where(r => r.Id == id)
            .Join(db.Rounds, r => r.RoundId, round => round.Id, (r, round) => new { Run = r, round.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        (Run, RoundName) = (row.Run, row.Name);
        Files = ReportRunFiles.Of(Run, reports).Select(Path.GetFileName).OfType<string>().ToList();
        return Page();
    }
}
