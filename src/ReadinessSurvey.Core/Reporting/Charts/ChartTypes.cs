namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// A chart's data as a table, so every place that shows the chart can show its numbers too
/// (screen readers cannot read a picture). Suppressed values appear as [c].
/// </summary>
public sealed record ChartTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>Pixel size of a chart.</summary>
public readonly record struct ChartSize(int Width, int Height)
{
    public static ChartSize Default => new(900, 520);
}

/// <summary>
/// One bar: a value (e.g. a median) with optional whiskers (e.g. the quartiles) and its base.
/// A suppressed or missing value is not drawn: the chart shows a gap marked [c] or "no data".
/// </summary>
public sealed record BarPoint(double? Value, int N, double? Low = null, double? High = null, bool Suppressed = false);

/// <summary>A series of bars, one point per category.</summary>
public sealed record BarSeries(string Name, IReadOnlyList<BarPoint> Points);

/// <summary>A bar chart with one or more series over the same categories.</summary>
public sealed record BarChartSpec
{
    public required string Title { get; init; }

    /// <summary>Second title line, e.g. "Median with quartiles; n = 42".</summary>
    public string? Subtitle { get; init; }

    public required string XLabel { get; init; }

    public required string YLabel { get; init; }

    public required IReadOnlyList<string> Categories { get; init; }

    public required IReadOnlyList<BarSeries> Series { get; init; }

    /// <summary>.NET format of the value labels, e.g. "0" or "0%".</summary>
    public string ValueFormat { get; init; } = "0";

    /// <summary>Top of the value axis; null fits the data.</summary>
    public double? ValueAxisMax { get; init; }

    /// <summary>Header of the whisker columns in the data table, e.g. "Lower quartile".</summary>
    public string LowLabel { get; init; } = "Lower quartile";

    public string HighLabel { get; init; } = "Upper quartile";
}

/// <summary>Answers to an agreement scale for one group; counts follow the scale order.</summary>
public sealed record LikertGroup(string Group, IReadOnlyList<int> Counts, bool Suppressed = false)
{
    public int Base => Counts.Sum();
}

/// <summary>A diverging stacked bar chart of an agreement scale (most negative option first).</summary>
public sealed record LikertChartSpec(string Title, IReadOnlyList<string> Scale, IReadOnlyList<LikertGroup> Groups, string? Subtitle = null);

/// <summary>A grid of values (e.g. median score by region and dimension); null cells are not drawn.</summary>
public sealed record HeatMapSpec
{
    public required string Title { get; init; }

    public string? Subtitle { get; init; }

    public required IReadOnlyList<string> RowLabels { get; init; }

    public required IReadOnlyList<string> ColumnLabels { get; init; }

    /// <summary>[row][column]; null is no data.</summary>
    public required IReadOnlyList<IReadOnlyList<double?>> Values { get; init; }

    /// <summary>[row][column] suppression flags; suppressed cells are shown as [c].</summary>
    public IReadOnlyList<IReadOnlyList<bool>>? Suppressed { get; init; }

    /// <summary>Base of each row, shown in its label.</summary>
    public required IReadOnlyList<int> RowBases { get; init; }

    public string ColorBarLabel { get; init; } = "Score (0 to 100)";

    public string XLabel { get; init; } = "";

    public string YLabel { get; init; } = "";

    public double Min { get; init; }

    public double Max { get; init; } = 100;
}
