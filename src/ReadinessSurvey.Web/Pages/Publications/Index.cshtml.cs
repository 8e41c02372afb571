using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Publishing;

namespace ReadinessSurvey.Web.Pages.Publications;

/// <summary>Every round with something published, newest publication first; each links to the round's stable page.</summary>
public sealed class IndexModel(PublishingService publishing) : PageModel
{
    public IReadOnlyList<(PublishedReport Report, string RoundName)> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rounds = [.. (await publishing.ListPublishedAsync(cancellationToken)).DistinctBy(p => p.Report.RoundId)];
}
