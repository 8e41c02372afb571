using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Publishing;
using ReadinessSurvey.Web.Pages.Admin.Reports;

namespace ReadinessSurvey.Web.Pages.Reports;

/// <summary>
/// A published file for anyone. The name must be one the publication's manifest lists, compared exactly:
/// nothing from the request becomes part of a path, so no other file (an internal workbook, the database)
/// can be reached, and a report taken down stops downloading at once.
/// </summary>
public sealed class FileModel(PublishingService publishing, ReportFolder reports) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, string name, CancellationToken cancellationToken)
    {
        if (await publishing.FindPublishedAsync(id, cancellationToken) is not { } found || !found.Files.Names.Contains(name, StringComparer.Ordinal))
        {
            return NotFound();
        }

        var path = reports.PathOf(found.Report, name);
        return System.IO.File.Exists(path) ? PhysicalFile(path, ReportRunFiles.ContentTypeOf(name), name) : NotFound();
    }
}
