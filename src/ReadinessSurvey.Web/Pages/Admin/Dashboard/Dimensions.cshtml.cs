using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Web.Dashboard;

namespace ReadinessSurvey.Web.Pages.Admin.Dashboard;

/// <summary>Scores by council type and by region: one chosen dimension (or the overall score), then every dimension.</summary>
public sealed class DimensionsModel(Dashboards dashboards) : DashboardPageModel(dashboards)
{
    public override string ViewName => "Dimensions";

    [FromQuery(Name = "dimension")]
    public string? Dimension { get; set; }

    public string? Error { get; private set; }

    public DashboardView View { get; private set; } = DashboardView.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Build();
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Snapshot is null)
        {
            return NotFound();
        }

        Build();
        return Error is not null ? BadRequest(Error) : await DownloadAsync(View.AllTables, $"dimension: {Label(Dimension!)}", cancellationToken);
    }

    public string Label(string id) => Snapshot?.About.Dimensions.FirstOrDefault(d => d.Id == id)?.Label ?? "Overall";

    private void Build()
    {
        if (Snapshot is not { } s)
        {
            return;
        }

        Dimension = string.IsNullOrWhiteSpace(Dimension) ? DimensionSummaryRow.OverallId : Dimension.Trim();
        if (Dimension != DimensionSummaryRow.OverallId && s.About.Dimensions.All(d => d.Id != Dimension))
        {
            Error = "Choose a dimension from the list";
            Dimension = DimensionSummaryRow.OverallId;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        View = SummaryViews.Dimensions(s, Dimension);
    }
}
