using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Publishing;

namespace ReadinessSurvey.Web.Pages.Publications;

/// <summary>
/// A round's publication at a stable address (<c>/publications/{round}</c>): the newest report still
/// published for that round, with its findings, headline tables, method and downloads. Everything shown
/// was fixed from the published (withheld-safe) view when an admin published it.
/// </summary>
public sealed class PublicationModel(PublishingService publishing, ReportFolder folder) : PageModel
{
    public PublishedReport Report { get; private set; } = null!;

    public string RoundName { get; private set; } = "";

    public PublishedFiles Files { get; private set; } = null!;

    public IReadOnlyList<Download> Downloads { get; private set; } = [];

    /// <summary>Earlier publications of the round still published (older data), newest first.</summary>
    public IReadOnlyList<PublishedReport> Earlier { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken cancellationToken)
    {
        var mine = (await publishing.ListPublishedAsync(cancellationToken))
            .Where(p => p.Report.RoundId == roundId)
            .Select(p => (p.Report, p.RoundName, Files: folder.FilesOf(p.Report)))
            .Where(p => p.Files is not null)
            .ToList();
        if (mine.Count == 0)
        {
            return NotFound();
        }

        (Report, RoundName, Files) = (mine[0].Report, mine[0].RoundName, mine[0].Files!);
        Earlier = [.. mine.Skip(1).Select(p => p.Report)];
        Downloads = Publications.Downloads.Of(folder, Report, Files);
        return Page();
    }

    /// <summary>The address of one of the publication's files.</summary>
    public string Href(string name) => $"/reports/{Report.Id}/{Uri.EscapeDataString(name)}";

    /// <summary>The workbook of an earlier publication of the round, if its files are still there.</summary>
    public string? WorkbookOf(PublishedReport report) => folder.FilesOf(report)?.Workbook;

    public Download? DownloadOf(string name) => Downloads.FirstOrDefault(d => d.Name == name);
}
