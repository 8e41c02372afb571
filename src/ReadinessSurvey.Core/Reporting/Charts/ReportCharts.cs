using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// The report's charts built from the report models. <paramref name="hideSuppressed"/> parameters
/// say whether cells marked suppressed are withheld (published outputs) or shown (internal ones).
/// </summary>
public static class ReportCharts
{
    /// <summary>Maturity level distribution of one group (default: all councils).</summary>
    public static ChartImage MaturityDistribution(
        IEnumerable<MaturityDistributionRow> rows, bool hideSuppressed, string group = GroupKinds.All, ChartSize? size = null)
    {
        var selected = rows.Where(r => r.Group == group).OrderBy(r => r.Level).ToList();
        var n = selected.Count > 0 ? selected[0].Base : 0;
        return ChartRenderer.Bars(new BarChartSpec
        {
            Title = "Councils by maturity level",
            Subtitle = $"{group}, n = {n}",
            XLabel = "Maturity level",
            YLabel = "Number of councils",
            Categories = selected.Select(r => $"{r.Level} {r.LevelLabel}").ToList(),
            Series = [new BarSeries("Councils", selected.Select(r => new BarPoint(r.Count, r.Base, Suppressed: hideSuppressed && r.Suppressed)).ToList())],
        }, size);
    }

    /// <summary>One dimension (or the overall score) by group: median bars with quartile whiskers.</summary>
    public static ChartImage ScoreByGroup(
        IEnumerable<DimensionSummaryRow> rows, string dimensionId, string groupKind, bool hideSuppressed, ChartSize? size = null)
    {
        var selected = rows.Where(r => r.DimensionId == dimensionId && r.GroupKind == groupKind).ToList();
        var label = selected.FirstOrDefault()?.Dimension ?? dimensionId;
        return ChartRenderer.Bars(new BarChartSpec
        {
            Title = $"{label} score by {groupKind.ToLowerInvariant()}",
            Subtitle = $"Median with lower and upper quartiles; n = {selected.Sum(r => r.N)} councils",
            XLabel = groupKind,
            YLabel = "Score (0 to 100)",
            ValueAxisMax = 100,
            Categories = selected.Select(r => r.Group).ToList(),
            Series = [new BarSeries("Median", selected.Select(r => ToPoint(r, hideSuppressed)).ToList())],
        }, size);
    }

    /// <summary>Every dimension, one bar per group (e.g. council type), medians with quartile whiskers.</summary>
    public static ChartImage DimensionsByGroup(
        IEnumerable<DimensionSummaryRow> rows, IReadOnlyList<DimensionInfo> dimensions, string groupKind, bool hideSuppressed, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var selected = rows.Where(r => r.GroupKind == groupKind).ToList();
        var groups = selected.Select(r => r.Group).Distinct().ToList();
        var series = groups.Select(g => new BarSeries(g, dimensions.Select(d =>
        {
            var row = selected.FirstOrDefault(r => r.Group == g && r.DimensionId == d.Id);
            return row is null ? new BarPoint(null, 0) : ToPoint(row, hideSuppressed);
        }).ToList())).ToList();
        return ChartRenderer.Bars(new BarChartSpec
        {
            Title = $"Dimension scores by {groupKind.ToLowerInvariant()}",
            Subtitle = "Median with lower and upper quartiles; n for each group in the legend",
            XLabel = "Dimension",
            YLabel = "Score (0 to 100)",
            ValueAxisMax = 100,
            Categories = dimensions.Select(d => d.Label).ToList(),
            Series = series,
        }, size ?? new ChartSize(1100, 560));
    }

    /// <summary>Median score by group (rows) and dimension (columns).</summary>
    public static ChartImage HeatMap(
        IEnumerable<DimensionSummaryRow> rows, IReadOnlyList<DimensionInfo> dimensions, string groupKind, bool hideSuppressed, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var selected = rows.Where(r => r.GroupKind == groupKind).ToList();
        var groups = selected.Select(r => r.Group).Distinct().ToList();
        DimensionSummaryRow? Find(string g, string d) => selected.FirstOrDefault(r => r.Group == g && r.DimensionId == d);
        return ChartRenderer.HeatMap(new HeatMapSpec
        {
            Title = $"Median dimension score by {groupKind.ToLowerInvariant()}",
            Subtitle = "Darker is lower; n for each row in its label",
            XLabel = "Dimension",
            YLabel = groupKind,
            RowLabels = groups,
            ColumnLabels = dimensions.Select(d => d.Label).ToList(),
            Values = groups.Select(g => (IReadOnlyList<double?>)dimensions.Select(d => (double?)Find(g, d.Id)?.Median).ToList()).ToList(),
            Suppressed = groups.Select(g => (IReadOnlyList<bool>)dimensions.Select(d => hideSuppressed && (Find(g, d.Id)?.Suppressed ?? false)).ToList()).ToList(),
            RowBases = groups.Select(g => selected.Where(r => r.Group == g).Select(r => r.N).DefaultIfEmpty(0).Max()).ToList(),
        }, size ?? new ChartSize(1100, 600));
    }

    /// <summary>Response rate by group of one kind.</summary>
    public static ChartImage ResponseRates(IEnumerable<ResponseRateRow> rows, string groupKind, ChartSize? size = null)
    {
        var selected = rows.Where(r => r.GroupKind == groupKind).ToList();
        return ChartRenderer.Bars(new BarChartSpec
        {
            Title = $"Response rate by {groupKind.ToLowerInvariant()}",
            Subtitle = $"Share of councils in the register that responded; n = {selected.Sum(r => r.Eligible)} councils",
            XLabel = groupKind,
            YLabel = "Response rate (%)",
            ValueFormat = "0'%'",
            ValueAxisMax = 100,
            Categories = selected.Select(r => r.Group).ToList(),
            Series = [new BarSeries("Response rate", selected.Select(r => new BarPoint(r.Rate is { } rate ? (double)rate * 100 : null, r.Eligible)).ToList())],
        }, size);
    }

    /// <summary>
    /// A diverging stacked bar chart of a Likert question across the table's columns of the given
    /// kinds (default: all councils and council types). Options outside the scale are left out.
    /// </summary>
    public static ChartImage Likert(QuestionTable table, bool hideSuppressed, IReadOnlyCollection<string>? groupKinds = null, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        groupKinds ??= [GroupKinds.All, GroupKinds.CouncilType];
        var scale = table.Rows.Where(r => !r.OutsideScale).ToList();
        var groups = new List<LikertGroup>();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            if (!groupKinds.Contains(column.GroupKind))
            {
                continue;
            }

            var suppressed = scale.Any(r => r.Cells[c].Count is null || (hideSuppressed && r.Cells[c].Suppressed));
            groups.Add(new LikertGroup(column.Group, scale.Select(r => suppressed ? 0 : r.Cells[c].Count ?? 0).ToList(), suppressed));
        }

        return ChartRenderer.Likert(new LikertChartSpec($"{table.QuestionId}. {table.QuestionText}", scale.Select(r => r.Option).ToList(), groups), size ?? new ChartSize(900, 460));
    }

    /// <summary>A council's dimension scores beside its peers' medians and quartiles.</summary>
    public static ChartImage CouncilProfile(CouncilBenchmarkModel model, ChartSize? size = null)
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
                ? new BarPoint(null, 0)
                : new BarPoint((double?)p.Median, p.N, (double?)p.LowerQuartile, (double?)p.UpperQuartile, p.Suppressed);
        }).ToList())));
        return ChartRenderer.Bars(new BarChartSpec
        {
            Title = $"{model.CouncilName}: scores against peers",
            Subtitle = "Peer bars are medians with lower and upper quartiles; n for each peer group in the legend",
            XLabel = "Dimension",
            YLabel = "Score (0 to 100)",
            ValueAxisMax = 100,
            Categories = dimensions.Select(d => d.Dimension).ToList(),
            Series = series,
        }, size ?? new ChartSize(1100, 560));
    }

    private static BarPoint ToPoint(DimensionSummaryRow r, bool hideSuppressed) =>
        new((double?)r.Median, r.N, (double?)r.LowerQuartile, (double?)r.UpperQuartile, hideSuppressed && r.Suppressed);
}
