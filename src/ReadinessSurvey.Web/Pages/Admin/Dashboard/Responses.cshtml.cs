using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Web.Dashboard;

namespace ReadinessSurvey.Web.Pages.Admin.Dashboard;

/// <summary>Response rates by council type and region, and over time (from the round's aggregation runs).</summary>
public sealed class ResponsesModel(Dashboards dashboards) : DashboardPageModel(dashboards)
{
    public override string ViewName => "Response rates";

    public DashboardView View { get; private set; } = DashboardView.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        View = Snapshot is { } s ? SummaryViews.Responses(s) : DashboardView.Empty;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken) =>
        !await LoadAsync(cancellationToken) || Snapshot is null
            ? NotFound()
            : await DownloadAsync(SummaryViews.Responses(Snapshot).AllTables, null, cancellationToken);
}
