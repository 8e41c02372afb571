using System.Globalization;
using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// The report's charts built from the report models: the same definitions serve the dashboards (SVG),
/// the workbooks (PNG) and the published files. <paramref name="hideSuppressed"/> parameters say whether
/// cells marked suppressed are withheld (published outputs) or shown (internal ones); <c>threshold</c> is
/// the publication threshold the withheld note states.
/// </summary>
public static partial class ReportCharts
{
    private static readonly CultureInfo _culture = CultureInfo.InvariantCulture;

    /// <summary>Maturity level distribution of one group (default: all councils).</summary>
    public static ChartImage MaturityDistribution(
        IEnumerable<MaturityDistributionRow> rows, bool hideSuppressed, string group = GroupKinds.All, ChartSize? size = null, int threshold = 5)
    {
        var selected = rows.Where(r => r.Group == group).OrderBy(r => r.Level).ToList();
        var points = selected.Select(r => new BarPoint(r.Count, r.Base, Suppressed: hideSuppressed && r.Suppressed, BaseSuppressed: hideSuppressed && r.BaseSuppressed)).ToList();
        var shown = selected.Where((_, i) => !points[i].Suppressed).ToList();
        var top = shown.MaxBy(r => r.Count);
        return ChartRenderer.Bars(new BarChartSpec
        {
            Title = "Councils by maturity level",
            Subtitle = $"{group}; {ChartFrame.BaseText(points)} councils",
            Finding = top is null ? "Every level is withheld."
                : $"The most common level is {top.Level} {top.LevelLabel}: {top.Count} of {top.Base} councils ({Percent(top.Count, top.Base)})",
            CategoryLabel = "Maturity level",
            ValueLabel = "Number of councils",
            Categories = selected.Select(r => $"{r.Level} {r.LevelLabel}").ToList(),
            Series = [new BarSeries("Councils", points)],
            Scale = ValueScale.Count,
            Vertical = true,
            Threshold = threshold,
        }, size);
    }

    /// <summary>One dimension (or the overall score) by group: median bars with quartile whiskers.</summary>
    public static ChartImage ScoreByGroup(
        IEnumerable<DimensionSummaryRow> rows, string dimensionId, string groupKind, bool hideSuppressed, ChartSize? size = null, int threshold = 5)
    {
        var selected = rows.Where(r => r.DimensionId == dimensionId && r.GroupKind == groupKind).ToList();
        var label = selected.FirstOrDefault()?.Dimension ?? dimensionId;
        var points = selected.Select(r => ToPoint(r, hideSuppressed)).ToList();
        var named = selected.Select((r, i) => (r.Group, points[i])).ToList();
        return ChartRenderer.Bars(new BarChartSpec
        {
            Title = $"{label} score by {groupKind.ToLowerInvariant()}",
            Subtitle = "Median with lower and upper quartiles; n (councils with a score) for each group in its label",
            Finding = RangeFinding($"The median {label.ToLowerInvariant()} score", named, "0"),
            CategoryLabel = groupKind,
            ValueLabel = "Score (0 to 100)",
            Scale = ValueScale.Score,
            Categories = selected.Select(r => r.Group).ToList(),
            Series = [new BarSeries("Median", points)],
            Threshold = threshold,
        }, size);
    }

    /// <summary>Every dimension by group (e.g. council type): small multiples, one panel per group, medians with quartile whiskers.</summary>
    public static ChartImage DimensionsByGroup(
        IEnumerable<DimensionSummaryRow> rows, IReadOnlyList<DimensionInfo> dimensions, string groupKind, bool hideSuppressed, ChartSize? size = null, int threshold = 5)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var selected = rows.Where(r => r.GroupKind == groupKind).ToList();
        var groups = selected.Select(r => r.Group).Distinct().ToList();
        var series = groups.Select(g => new BarSeries(g, dimensions.Select(d =>
        {
            var row = selected.FirstOrDefault(r => r.Group == g && r.DimensionId == d.Id);
            return row is null ? new BarPoint(null, 0, BaseSuppressed: true) : ToPoint(row, hideSuppressed);
        }).ToList())).ToList();
        var cells = series.SelectMany(s => s.Points.Select((p, i) => ($"{s.Name} in {dimensions[i].Label}", p))).ToList();
        return ChartRenderer.Bars(new BarChartSpec
        {
            Title = $"Dimension scores by {groupKind.ToLowerInvariant()}",
            Subtitle = "Median with lower and upper quartiles; n for each group in its heading",
            Finding = RangeFinding("The median dimension score", cells, "0"),
            CategoryLabel = "Dimension",
            ValueLabel = "Score (0 to 100)",
            Scale = ValueScale.Score,
            Categories = dimensions.Select(d => d.Label).ToList(),
            Series = series,
            Threshold = threshold,
        }, size ?? new ChartSize(1000, 560));
    }

    /// <summary>Median score by group (rows) and dimension (columns).</summary>
    public static ChartImage HeatMap(
        IEnumerable<DimensionSummaryRow> rows, IReadOnlyList<DimensionInfo> dimensions, string groupKind, bool hideSuppressed, ChartSize? size = null, int threshold = 5)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var selected = rows.Where(r => r.GroupKind == groupKind).ToList();
        var groups = selected.Select(r => r.Group).Distinct().ToList();
        DimensionSummaryRow? Find(string g, string d) => selected.FirstOrDefault(r => r.Group == g && r.DimensionId == d);
        bool Hidden(DimensionSummaryRow? r) => r is null || (hideSuppressed && r.Suppressed);
        var cells = groups.SelectMany(g => dimensions.Select(d => ($"{g} in {d.Label}", Find(g, d.Id) is { } r ? ToPoint(r, hideSuppressed) : new BarPoint(null, 0)))).ToList();
        return ChartRenderer.HeatMap(new HeatMapSpec
        {
            Title = $"Median dimension score by {groupKind.ToLowerInvariant()}",
            Subtitle = "Darker cells are higher scores; n for each row in its label",
            Finding = RangeFinding("The median dimension score", cells, "0"),
            RowLabels = groups,
            ColumnLabels = dimensions.Select(d => d.Label).ToList(),
            Values = groups.Select(g => (IReadOnlyList<double?>)dimensions.Select(d => (double?)Find(g, d.Id)?.Median).ToList()).ToList(),
            Suppressed = groups.Select(g => (IReadOnlyList<bool>)dimensions.Select(d => hideSuppressed && (Find(g, d.Id)?.Suppressed ?? false)).ToList()).ToList(),
            // A row's n is the most councils with a score in any dimension, unless a withheld cell hides it.
            RowBases = groups.Select(g =>
            {
                var shown = dimensions.Select(d => Find(g, d.Id)).Where(r => !Hidden(r)).ToList();
                return shown.Count == dimensions.Count ? shown.Max(r => r!.N) : (int?)null;
            }).ToList(),
            Threshold = threshold,
        }, size ?? new ChartSize(1000, 600));
    }

    /// <summary>Response rate by group of one kind.</summary>
    public static ChartImage ResponseRates(IEnumerable<ResponseRateRow> rows, string groupKind, ChartSize? size = null, int threshold = 5)
    {
        var selected = rows.Where(r => r.GroupKind == groupKind).ToList();
        var points = selected.Select(r => new BarPoint(r.Rate is { } rate ? (double)rate * 100 : null, r.Eligible, Suppressed: r.Suppressed)).ToList();
        return ChartRenderer.Bars(new BarChartSpec
        {
            Title = $"Response rate by {groupKind.ToLowerInvariant()}",
            Subtitle = $"Share of the councils in the register that responded; n = {selected.Sum(r => r.Eligible)} councils in the register, n for each group in its label",
            Finding = RangeFinding("The response rate", selected.Select((r, i) => (r.Group, points[i])).ToList(), "0'%'"),
            CategoryLabel = groupKind,
            ValueLabel = "Response rate (%)",
            ValueFormat = "0'%'",
            Scale = ValueScale.Percent,
            Categories = selected.Select(r => r.Group).ToList(),
            Series = [new BarSeries("Response rate", points)],
            Threshold = threshold,
        }, size);
    }

    /// <summary>Returns submitted by each day, as a share of the register.</summary>
    public static ChartImage ResponsesOverTime(IReadOnlyList<(DateOnly Day, int Returns)> days, int registered, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        var last = days.Count > 0 ? days[^1] : default;
        return ChartRenderer.Bars(new BarChartSpec
        {
            Title = "Response rate over time",
            Subtitle = $"Returns counted by the last aggregation run of each day; n = {registered} councils in the register",
            Finding = days.Count == 0 ? "No returns have been counted yet."
                : $"By {last.Day.ToString("d MMMM yyyy", _culture)}, {last.Returns} of {registered} councils had responded ({Percent(last.Returns, registered)})",
            CategoryLabel = "Day",
            ValueLabel = "Response rate (%)",
            ValueFormat = "0'%'",
            Scale = ValueScale.Percent,
            Vertical = true,
            Categories = days.Select(d => d.Day.ToString("d MMM yyyy", _culture)).ToList(),
            Series = [new BarSeries("Response rate", days.Select(d => new BarPoint(registered == 0 ? null : 100.0 * d.Returns / registered, registered)).ToList())],
        }, size);
    }

    /// <summary>A council's dimension scores beside its peers' medians and quartiles.</summary>
    public static ChartImage CouncilProfile(CouncilBenchmarkModel model, ChartSize? size = null, int threshold = 5)
    {
        ArgumentNullException.ThrowIfNull(model);
        var dimensions = model.Scores.Where(s => s.DimensionId != DimensionSummaryRow.OverallId).ToList();
        var peerGroups = dimensions.SelectMany(d => d.Peers.Select(p => p.PeerGroup)).Distinct().ToList();
        var series = new List<BarSeries>
        {
            new(model.CouncilName, dimensions.Select(d => new BarPoint((double?)d.CouncilScore, 1)).ToList()),
        };
        series.AddRange(peerGroups.Select(g => new BarSeries(g + " median", dimensions.Select(d =>
        {
            var p = d.Peers.FirstOrDefault(x => x.PeerGroup == g);
            return p is null
                ? new BarPoint(null, 0, BaseSuppressed: true)
                : new BarPoint((double?)p.Median, p.N, (double?)p.LowerQuartile, (double?)p.UpperQuartile, p.Suppressed, p.Suppressed);
        }).ToList())));
        return CouncilScores(model.CouncilName, dimensions.Select(d => d.Dimension).ToList(), series, size, threshold);
    }

    /// <summary>A council's scores (the first series) against its peers' medians (the others), as the benchmark and the dashboard show them.</summary>
    public static ChartImage CouncilScores(string councilName, IReadOnlyList<string> dimensions, IReadOnlyList<BarSeries> series, ChartSize? size = null, int threshold = 5)
    {
        ArgumentNullException.ThrowIfNull(series);
        var own = series[0].Points;
        var sector = series.Count > 1 ? series[1] : null;
        var compared = sector is null ? [] : own.Select((p, i) => (Own: p.Value, Peer: sector.Points[i].Suppressed ? null : sector.Points[i].Value))
            .Where(x => x.Own is not null && x.Peer is not null).ToList();
        return ChartRenderer.Bars(new BarChartSpec
        {
            Title = $"{councilName}: scores against peers",
            Subtitle = "Peer bars are medians with lower and upper quartiles; n for each peer group in the legend",
            Finding = sector is null || compared.Count == 0 ? null
                : $"{councilName} scores above the {sector.Name.ToLowerInvariant()} in {compared.Count(x => x.Own > x.Peer)} of {compared.Count} dimensions",
            CategoryLabel = "Dimension",
            ValueLabel = "Score (0 to 100)",
            Scale = ValueScale.Score,
            Categories = dimensions,
            Series = series,
            Threshold = threshold,
        }, size ?? new ChartSize(1000, 560));
    }

    private static BarPoint ToPoint(DimensionSummaryRow r, bool hideSuppressed) =>
        new((double?)r.Median, r.N, (double?)r.LowerQuartile, (double?)r.UpperQuartile, hideSuppressed && r.Suppressed, hideSuppressed && r.Suppressed);

    private static string Percent(int count, int total) => total == 0 ? "no base" : $"{100.0 * count / total:0}%";

    /// <summary>"The response rate ranges from 80% (London) to 100% (Wales)", over the values shown.</summary>
    private static string RangeFinding(string what, IReadOnlyList<(string Name, BarPoint Point)> items, string format)
    {
        var shown = items.Where(x => !x.Point.Suppressed && x.Point.Value is not null).ToList();
        if (shown.Count == 0)
        {
            return $"{what}: every value is withheld or missing";
        }

        string Value((string Name, BarPoint Point) x) => x.Point.Value!.Value.ToString(format, _culture);
        var low = shown.MinBy(x => x.Point.Value!.Value);
        var high = shown.MaxBy(x => x.Point.Value!.Value);
        var withheld = items.Count(x => x.Point.Suppressed);
        var note = withheld > 0 ? $" ({withheld} withheld)" : "";
        if (shown.Count == 1)
        {
            return $"{what} is {Value(high)} for {high.Name}{note}";
        }

        return Value(low) == Value(high)
            ? $"{what} is {Value(high)} in every group shown{note}"
            : $"{what} ranges from {Value(low)} ({low.Name}) to {Value(high)} ({high.Name}){note}";
    }
}
