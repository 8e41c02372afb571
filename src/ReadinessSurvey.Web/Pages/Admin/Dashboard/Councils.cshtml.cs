using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Web.Dashboard;

namespace ReadinessSurvey.Web.Pages.Admin.Dashboard;

/// <summary>The councils that submitted, with their overall score and level, filtered by council type and region.</summary>
public sealed class CouncilsModel(Dashboards dashboards) : DashboardPageModel(dashboards)
{
    [FromQuery(Name = "type")]
    public string? Type { get; set; }

    [FromQuery(Name = "region")]
    public string? Region { get; set; }

    public override string ViewName => "Councils";

    public GroupFilter Filter { get; private set; } = GroupFilter.None;

    public string? Error { get; private set; }

    public IReadOnlyList<CouncilResult> Councils { get; private set; } = [];

    public IReadOnlyList<GroupInfo> Types => Snapshot?.GroupsOf(Breakdowns.Type) ?? [];

    public IReadOnlyList<GroupInfo> Regions => Snapshot?.GroupsOf(Breakdowns.Region) ?? [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        await BuildAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Snapshot is null)
        {
            return NotFound();
        }

        await BuildAsync(cancellationToken);
        return Error is not null ? BadRequest(Error) : await DownloadAsync([Table()], Filter.Describe(Snapshot), cancellationToken);
    }

    public string LevelName(int? level) => Snapshot?.Source.LevelLabel(level) is { } label ? $"{level} {label}" : "";

    /// <summary>The table as the download holds it.</summary>
    public ChartTable Table() => new(
        "Councils that submitted",
        ["Council", "Code", "Council type", "Region", "Overall score", "Maturity level"],
        Councils.Select(c => (IReadOnlyList<string>)
        [
            c.Name, c.Code, Snapshot!.Source.GroupLabel(Breakdowns.Type, c.TypeCode), Snapshot.Source.GroupLabel(Breakdowns.Region, c.RegionCode),
            Figures.Number(c.OverallScore), LevelName(c.MaturityLevel),
        ]).ToList());

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        if (Snapshot is not { } s)
        {
            return;
        }

        (Filter, Error) = GroupFilter.Parse(s, Type, Region);
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        // Here a filter narrows: a council must match both the type and the region chosen.
        Councils = (await CouncilResults.AllAsync(s, cancellationToken))
            .Where(c => (Filter.Type is null || c.TypeCode == Filter.Type) && (Filter.Region is null || c.RegionCode == Filter.Region))
            .ToList();
    }
}
