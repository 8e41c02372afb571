using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Dashboard;

namespace ReadinessSurvey.Web.Pages.Admin.Dashboard;

/// <summary>Overall readiness of a round: response rate, overall score, maturity levels, each dimension.</summary>
public sealed class OverviewModel(Dashboards dashboards) : DashboardPageModel(dashboards)
{
    public override string ViewName => "Overview";

    public DashboardView View { get; private set; } = DashboardView.Empty;

    public ResponseRate? Rate { get; private set; }

    public DimensionSummaryRow? Overall { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Snapshot is { } s)
        {
            View = SummaryViews.Overview(s);
            Rate = s.Source.Content.Responses.Rates.FirstOrDefault(r => r.Breakdown == Breakdowns.Sector);
            Overall = s.Model.DimensionSummaries.FirstOrDefault(r => r.DimensionId == DimensionSummaryRow.OverallId && r.GroupKind == GroupKinds.All);
        }

        return Page();
    }

    /// <summary>The overview's workbook is the internal sector workbook.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken) =>
        !await LoadAsync(cancellationToken) || Snapshot is null
            ? NotFound()
            : await Dashboards.SectorWorkbookAsync(Snapshot, User.Actor(), cancellationToken);
}
