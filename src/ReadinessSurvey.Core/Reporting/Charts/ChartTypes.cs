namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// A chart's data as a table, so every place that shows the chart can show its numbers too
/// (screen readers cannot read a picture). Suppressed values appear as [c].
/// </summary>
public sealed record ChartTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Pixel size of a chart. Charts whose rows are listed down the page (horizontal bars, heat maps,
/// agreement scales) take the width and work out their own height from their rows, so nothing is squeezed.
/// </summary>
public readonly record struct ChartSize(int Width, int Height)
{
    public static ChartSize Default => new(900, 520);
}

/// <summary>What a value axis measures: it sets the axis range and its ticks.</summary>
public enum ValueScale
{
    /// <summary>Councils: whole-number ticks from 0.</summary>
    Count,

    /// <summary>A share of councils: 0 to 100 exactly, labels end in %.</summary>
    Percent,

    /// <summary>A score out of 100: 0 to 100 exactly.</summary>
    Score,

    /// <summary>Anything else (answers to number questions): from 0 to a round number above the data.</summary>
    Number,
}

/// <summary>
/// One bar: a value (e.g. a median) with optional whiskers (e.g. the quartiles) and its base.
/// A suppressed or missing value is not drawn: the chart shows a labelled gap ("[c] withheld" or "no data").
/// <see cref="BaseSuppressed"/> marks a base that is itself withheld, so the chart never states it.
/// </summary>
public sealed record BarPoint(double? Value, int N, double? Low = null, double? High = null, bool Suppressed = false, bool BaseSuppressed = false);

/// <summary>A series of bars, one point per category.</summary>
public sealed record BarSeries(string Name, IReadOnlyList<BarPoint> Points);

/// <summary>
/// A bar chart with one or more series over the same categories. Bars run across the page (categories
/// listed down the left, so long labels are never clipped) unless <see cref="Vertical"/> is set and the
/// labels fit; more than <see cref="ChartPalette.MaxColours"/> series are drawn as small multiples (one
/// panel per series, one colour) rather than as grouped bars in many colours.
/// </summary>
public sealed record BarChartSpec
{
    public required string Title { get; init; }

    /// <summary>Second title line; it should state n, e.g. "Median with quartiles; n = 42 councils".</summary>
    public string? Subtitle { get; init; }

    /// <summary>The chart's main finding in one or two plain sentences, for its alt text.</summary>
    public string? Finding { get; init; }

    /// <summary>What the categories are, e.g. "Region" (shown under vertical bars only).</summary>
    public required string CategoryLabel { get; init; }

    /// <summary>Title of the value axis, e.g. "Councils (%)".</summary>
    public required string ValueLabel { get; init; }

    public required IReadOnlyList<string> Categories { get; init; }

    public required IReadOnlyList<BarSeries> Series { get; init; }

    public ValueScale Scale { get; init; } = ValueScale.Count;

    /// <summary>.NET format of the value labels, e.g. "0" or "0'%'".</summary>
    public string ValueFormat { get; init; } = "0";

    /// <summary>Upright bars (for levels or days, whose labels are short); they still turn across the page when a label does not fit.</summary>
    public bool Vertical { get; init; }

    /// <summary>The publication threshold, for the note that explains withheld bars.</summary>
    public int Threshold { get; init; } = 5;

    /// <summary>Header of the whisker columns in the data table, e.g. "Lower quartile".</summary>
    public string LowLabel { get; init; } = "Lower quartile";

    public string HighLabel { get; init; } = "Upper quartile";
}

/// <summary>
/// Answers to an agreement scale for one group: the share (0 to 100) of the councils answering that gave
/// each point, in scale order, and each answer outside the scale ("Don't know"), as the snapshot computed
/// them. <see cref="Suppressed"/> withholds the whole bar (some answers came from too few councils);
/// <see cref="BaseSuppressed"/> also its n.
/// </summary>
/// <param name="N">Councils answering, "Don't know" included: the base of every share.</param>
public sealed record LikertGroup(
    string Group, IReadOnlyList<double> Shares, int N, IReadOnlyList<double> OutsideShares, bool Suppressed = false, bool BaseSuppressed = false);

/// <summary>A diverging stacked bar chart of an agreement scale (most negative option first).</summary>
/// <param name="Outside">Answers outside the scale (e.g. "Don't know"), stated beside each bar.</param>
public sealed record LikertChartSpec(string Title, IReadOnlyList<string> Scale, IReadOnlyList<LikertGroup> Groups, string? Subtitle = null)
{
    public string? Finding { get; init; }

    public int Threshold { get; init; } = 5;

    public IReadOnlyList<string> Outside { get; init; } = [];
}

/// <summary>A grid of scores (e.g. median score by region and dimension) drawn as coloured cells in five bands.</summary>
public sealed record HeatMapSpec
{
    public required string Title { get; init; }

    public string? Subtitle { get; init; }

    public string? Finding { get; init; }

    public required IReadOnlyList<string> RowLabels { get; init; }

    public required IReadOnlyList<string> ColumnLabels { get; init; }

    /// <summary>[row][column]; null is no data.</summary>
    public required IReadOnlyList<IReadOnlyList<double?>> Values { get; init; }

    /// <summary>[row][column] suppression flags; suppressed cells are shown as [c].</summary>
    public IReadOnlyList<IReadOnlyList<bool>>? Suppressed { get; init; }

    /// <summary>Base of each row, shown in its label; null when it is withheld.</summary>
    public required IReadOnlyList<int?> RowBases { get; init; }

    /// <summary>What the cells hold, for the legend, e.g. "Median score".</summary>
    public string ValueLabel { get; init; } = "Median score";

    public int Threshold { get; init; } = 5;
}
