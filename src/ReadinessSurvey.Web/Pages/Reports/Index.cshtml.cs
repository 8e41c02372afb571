using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Publishing;

namespace ReadinessSurvey.Web.Pages.Reports;

/// <summary>The public reports page: every report still published, for anyone to download without signing in.</summary>
public sealed class IndexModel(PublishingService publishing, ReportFolder reports) : PageModel
{
    public IReadOnlyList<Entry> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var published = await publishing.ListPublishedAsync(cancellationToken);
        Reports = [.. published
            .Select(p => (p.Report, p.RoundName, Files: reports.FilesOf(p.Report)))
            .Where(p => p.Files is not null)
            .Select(p => new Entry(p.Report, p.RoundName, p.Files!))];
    }

    public sealed record Entry(PublishedReport Report, string RoundName, PublishedFiles Files);
}
