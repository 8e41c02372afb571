using System.Globalization;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Reporting.Mapping;

namespace ReadinessSurvey.Web.Dashboard;

/// <summary>
/// The round-level views (overview, dimensions, maturity, response rates), built from the internal
/// sector report model with the reporting module's chart builders, once per snapshot.
/// </summary>
public static class SummaryViews
{
    /// <summary>Overall readiness: the maturity distribution, the overall score and each dimension across all councils.</summary>
    public static DashboardView Overview(DashboardSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.View("overview", () =>
        {
            var maturity = DashboardChart.From(ReportCharts.MaturityDistribution(s.Model.MaturityDistribution, hideSuppressed: false, GroupKinds.All));
            var sector = s.Model.DimensionSummaries.Where(r => r.GroupKind == GroupKinds.All).ToList();
            return new DashboardView([maturity], [ScoreTable("Scores across all councils", sector, withGroup: false)]);
        });
    }

    /// <summary>The chosen dimension (or overall) by council type and by region; every dimension by type and by region.</summary>
    public static DashboardView Dimensions(DashboardSnapshot s, string dimensionId)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.View("dimensions:" + dimensionId, () =>
        {
            var rows = s.Model.DimensionSummaries;
            DashboardChart[] charts =
            [
                DashboardChart.From(ReportCharts.ScoreByGroup(rows, dimensionId, GroupKinds.CouncilType, hideSuppressed: false)),
                DashboardChart.From(ReportCharts.ScoreByGroup(rows, dimensionId, GroupKinds.Region, hideSuppressed: false, new ChartSize(1000, 560))),
                DashboardChart.From(ReportCharts.DimensionsByGroup(rows, s.About.Dimensions, GroupKinds.CouncilType, hideSuppressed: false)),
                DashboardChart.From(ReportCharts.HeatMap(rows, s.About.Dimensions, GroupKinds.Region, hideSuppressed: false)),
            ];
            var chosen = rows.Where(r => r.DimensionId == dimensionId && r.GroupKind is GroupKinds.All or GroupKinds.CouncilType or GroupKinds.Region).ToList();
            var label = chosen.FirstOrDefault()?.Dimension ?? dimensionId;
            return new DashboardView(charts, [ScoreTable($"{label} score statistics by group", chosen, withGroup: true)]);
        });
    }

    /// <summary>The maturity distribution of all councils, and by council type, region and tier.</summary>
    public static DashboardView Maturity(DashboardSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.View("maturity", () =>
        {
            var chart = DashboardChart.From(ReportCharts.MaturityDistribution(s.Model.MaturityDistribution, hideSuppressed: false, GroupKinds.All));
            var levels = s.About.MaturityLevels;
            var headers = new List<string> { "Group", "Group kind", "Councils with a level" };
            foreach (var level in levels)
            {
                headers.Add($"{level.Level} {level.Label}: councils");
                headers.Add($"{level.Level} {level.Label}: %");
            }

            var rows = s.Model.MaturityDistribution
                .GroupBy(r => (r.GroupKind, r.Group))
                .Select(g =>
                {
                    var row = new List<string> { g.Key.Group, g.Key.GroupKind, Figures.Count(g.First().Base) };
                    foreach (var level in levels)
                    {
                        var cell = g.FirstOrDefault(r => r.Level == level.Level);
                        row.Add(Figures.Count(cell?.Count ?? 0));
                        row.Add(Figures.Percent(cell?.Count ?? 0, cell?.Base ?? 0));
                    }

                    return (IReadOnlyList<string>)row;
                })
                .ToList();
            return new DashboardView([chart], [new ChartTable("Maturity level by group", headers, rows)]);
        });
    }

    /// <summary>Response rates by council type and region, and over time from the round's snapshot history.</summary>
    public static DashboardView Responses(DashboardSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.View("responses", () =>
        {
            DashboardChart[] charts =
            [
                DashboardChart.From(ReportCharts.ResponseRates(s.Model.ResponseRates, GroupKinds.CouncilType)),
                DashboardChart.From(ReportCharts.ResponseRates(s.Model.ResponseRates, GroupKinds.Region, new ChartSize(1000, 560))),
                OverTime(s),
            ];
            var rates = s.Source.Content.Responses.Rates
                .Select(r => (IReadOnlyList<string>)
                [
                    s.Source.GroupLabel(r.Breakdown, r.Group), ReportSource.GroupKind(r.Breakdown),
                    Figures.Count(r.Registered), Figures.Count(r.Invited), Figures.Count(r.Submitted), Figures.Number(r.Percent),
                ])
                .ToList();
            var table = new ChartTable("Response rates by group", ["Group", "Group kind", "Councils in the register", "Councils invited", "Councils submitted", "Response rate (%)"], rates);
            return new DashboardView(charts, [table]);
        });
    }

    /// <summary>
    /// Returns counted by the last snapshot of each day (UK time), as a share of the register. Each
    /// submission or reopening triggers a run within seconds, and a nightly run adds a point a day.
    /// </summary>
    private static DashboardChart OverTime(DashboardSnapshot s)
    {
        var registered = s.Source.Content.Responses.Rates.FirstOrDefault(r => r.Breakdown == Breakdowns.Sector)?.Registered ?? 0;
        var days = s.History
            .GroupBy(h => DateOnly.FromDateTime(ReadinessSurvey.UkTime.FromUtc(h.ComputedAt)))
            .Select(g => (Day: g.Key, Returns: g.MaxBy(h => h.Id)!.ReturnCount))
            .OrderBy(d => d.Day)
            .ToList();
        var image = ReportCharts.ResponsesOverTime(days, registered);
        var table = new ChartTable(
            "Response rate over time",
            ["Day", "Returns submitted", "Response rate (%)"],
            days.Select(d => (IReadOnlyList<string>)[d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Figures.Count(d.Returns), Figures.Percent(d.Returns, registered)]).ToList());
        return DashboardChart.From(image, table);
    }

    /// <summary>Score statistics, one row per dimension (and group).</summary>
    public static ChartTable ScoreTable(string title, IReadOnlyList<DimensionSummaryRow> rows, bool withGroup)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var headers = new List<string> { "Dimension" };
        if (withGroup)
        {
            headers.AddRange(["Group kind", "Group"]);
        }

        headers.AddRange(["Councils with a score", "Mean", "Median", "Lower quartile", "Upper quartile", "Lowest", "Highest"]);
        return new ChartTable(title, headers, rows.Select(r =>
        {
            var row = new List<string> { r.Dimension };
            if (withGroup)
            {
                row.AddRange([r.GroupKind, r.Group]);
            }

            row.AddRange([Figures.Count(r.N), Figures.Number(r.Mean), Figures.Number(r.Median), Figures.Number(r.LowerQuartile), Figures.Number(r.UpperQuartile), Figures.Number(r.Min), Figures.Number(r.Max)]);
            return (IReadOnlyList<string>)row;
        }).ToList());
    }
}
