using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Publishing;
using ReadinessSurvey.Web.Accounts;

namespace ReadinessSurvey.Web.Pages.Admin.Reports;

/// <summary>Downloads a finished report run (one file, or a zip of several), and records who did.</summary>
public sealed class DownloadModel(ReadinessDbContext db, ReportFolder reports, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var run = await db.ReportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        var files = run is null ? [] : ReportRunFiles.Of(run, reports);
        if (run is null || files.Count == 0)
        {
            return NotFound();
        }

        var name = files.Count == 1
            ? ReportRunFiles.DownloadName(files[0])
            : ReportRunFiles.DownloadName(Path.Combine(Path.GetDirectoryName(files[0])!, $"{run.Kind}-{run.CompletedAt:yyyy-MM-dd}"), ".zip");
        audit.Record(User.Actor(), "report.downloaded", $"report-run:{run.Id}", name);
        await db.SaveChangesAsync(cancellationToken);
        return files.Count == 1
            ? PhysicalFile(files[0], ReportRunFiles.ContentTypeOf(files[0]), name)
            : File(ReportRunFiles.Zip(files), "application/zip", name);
    }
}
