using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Web.Dashboard;

namespace ReadinessSurvey.Web.Pages.Admin.Dashboard;

/// <summary>How many councils reached each maturity level, overall and by council type, region and tier.</summary>
public sealed class MaturityModel(Dashboards dashboards) : DashboardPageModel(dashboards)
{
    public override string ViewName => "Maturity levels";

    public DashboardView View { get; private set; } = DashboardView.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        View = Snapshot is { } s ? SummaryViews.Maturity(s) : DashboardView.Empty;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken) =>
        !await LoadAsync(cancellationToken) || Snapshot is null
            ? NotFound()
            : await DownloadAsync(SummaryViews.Maturity(Snapshot).AllTables, null, cancellationToken);
}
