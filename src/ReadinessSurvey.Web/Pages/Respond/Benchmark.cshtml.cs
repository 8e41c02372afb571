using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Web.Pages.Respond;

/// <summary>
/// The signed-in respondent's own council benchmark workbook, built from the current snapshot. Only
/// their council's: the code comes from their return, never from the request.
/// </summary>
public sealed class BenchmarkModel(ReturnService returns, ReportService reports) : RespondentPageModel(returns)
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Workspace.Return.Status != ReturnStatus.Submitted)
        {
            Problem = "Your council's benchmark report is available once your return has been submitted.";
            return Page();
        }

        var folder = Path.Combine(Path.GetTempPath(), "readiness-downloads", Guid.NewGuid().ToString("N"));
        try
        {
            var path = await reports.GenerateAsync(Workspace.Round.Id, ReportKinds.Council, Workspace.Council.Code, folder, null, cancellationToken);
            var bytes = await System.IO.File.ReadAllBytesAsync(path, cancellationToken);
            return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Path.GetFileName(path));
        }
        catch (ReportException)
        {
            // The snapshot is rebuilt a few seconds after each submission; until then there is nothing to compare with.
            Problem = "Your council's benchmark report is not ready yet. It is prepared a few minutes after each submission: try again later.";
            return Page();
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
