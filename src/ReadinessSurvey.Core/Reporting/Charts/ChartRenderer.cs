using System.Globalization;
using ScottPlot;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// Draws the report charts with ScottPlot (SkiaSharp underneath, so no GDI+ is needed). Each method
/// returns a <see cref="ChartImage"/> with the data table at once; the PNG and SVG are drawn when first
/// asked for, each on a fresh <see cref="Plot"/>, so charts can be drawn in parallel.
/// </summary>
public static class ChartRenderer
{
    /// <summary>Text shown where a value is withheld.</summary>
    public const string SuppressedMark = "[c]";

    /// <summary>DejaVu fonts are on the Debian machines; Skia falls back to its default elsewhere.</summary>
    private const string FontName = "DejaVu Sans";

    private static readonly CultureInfo _culture = CultureInfo.InvariantCulture;

    /// <summary>Bars (one or more series) with optional whiskers and the base in labels or legend.</summary>
    public static ChartImage Bars(BarChartSpec spec, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ChartImage(spec.Title, spec.Subtitle, size ?? ChartSize.Default, ChartTables.Bars(spec), () => DrawBars(spec));
    }

    private static Plot DrawBars(BarChartSpec spec)
    {
        var plot = new Plot();
        var seriesCount = Math.Max(1, spec.Series.Count);
        var barWidth = 0.8 / seriesCount;
        var anySuppressed = false;
        var top = 0.0;
        var whiskers = new List<(double X, double Low, double High, double Cap)>();

        for (var s = 0; s < spec.Series.Count; s++)
        {
            var series = spec.Series[s];
            var color = ChartPalette.ForSeries(s);
            var bars = new List<Bar>();
            for (var c = 0; c < spec.Categories.Count && c < series.Points.Count; c++)
            {
                var point = series.Points[c];
                var x = c + ((s - ((seriesCount - 1) / 2.0)) * barWidth);
                if (point.Suppressed || point.Value is null)
                {
                    anySuppressed |= point.Suppressed;
                    var mark = plot.Add.Text(point.Suppressed ? SuppressedMark : "–", x, 0);
                    mark.Alignment = Alignment.LowerCenter;
                    mark.LabelFontSize = 11;
                    mark.LabelFontName = FontName;
                    mark.LabelFontColor = ChartPalette.Whisker;
                    continue;
                }

                var value = point.Value.Value;
                top = Math.Max(top, Math.Max(value, point.High ?? value));
                bars.Add(new Bar
                {
                    Position = x,
                    Value = value,
                    Size = barWidth * 0.9,
                    FillColor = color,
                    LineWidth = 0,
                    Label = value.ToString(spec.ValueFormat, _culture),
                });
                if (point.Low is { } low && point.High is { } high)
                {
                    whiskers.Add((x, low, high, barWidth * 0.25));
                }
            }

            var barPlot = plot.Add.Bars(bars);
            barPlot.Color = color;
            barPlot.LegendText = LegendText(series);
            barPlot.ValueLabelStyle.FontSize = 11;
            barPlot.ValueLabelStyle.FontName = FontName;
        }

        // Whiskers go on top of every bar so neighbouring bars cannot hide them.
        foreach (var (x, low, high, cap) in whiskers)
        {
            AddWhisker(plot, x, low, high, cap);
        }

        var ticks = spec.Categories
            .Select((category, c) => new Tick(c, spec.Series.Count == 1 ? $"{category}\n{BaseText(spec.Series[0].Points, c)}" : category))
            .ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        if (spec.Categories.Count > 5 || spec.Categories.Any(c => c.Length > 14))
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperRight;
            plot.Axes.Bottom.MinimumSize = 110;
        }

        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.HideGrid();
        plot.Axes.SetLimitsX(-0.6, spec.Categories.Count - 0.4);
        plot.Axes.SetLimitsY(0, (spec.ValueAxisMax ?? (top <= 0 ? 1 : top)) * 1.12);
        if (spec.Series.Count > 1)
        {
            plot.ShowLegend(Edge.Right);
        }
        else
        {
            plot.HideLegend(); // one series: its name and n are in the axis labels
        }

        var note = anySuppressed ? $"{SuppressedMark} not shown: fewer councils than the publication threshold" : null;
        Decorate(plot, spec.Title, Join(spec.Subtitle, note), spec.XLabel, spec.YLabel);
        return plot;
    }

    /// <summary>A diverging stacked bar chart: disagreement left of zero, agreement right, neutral split.</summary>
    public static ChartImage Likert(LikertChartSpec spec, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ChartImage(spec.Title, spec.Subtitle, size ?? ChartSize.Default, ChartTables.Likert(spec), () => DrawLikert(spec));
    }

    private static Plot DrawLikert(LikertChartSpec spec)
    {
        var plot = new Plot();
        var k = spec.Scale.Count;
        var negatives = k / 2;
        var hasNeutral = k % 2 == 1;
        var colors = LikertColors(k);
        var anySuppressed = false;
        var barsByOption = Enumerable.Range(0, k).Select(_ => new List<Bar>()).ToArray();
        var ticks = new List<Tick>();

        for (var g = 0; g < spec.Groups.Count; g++)
        {
            var group = spec.Groups[g];
            var y = spec.Groups.Count - 1 - g; // first group at the top
            ticks.Add(new Tick(y, $"{group.Group} ({BaseText(group)})"));
            if (group.Suppressed || group.Base == 0)
            {
                anySuppressed |= group.Suppressed;
                var mark = plot.Add.Text(group.Suppressed ? SuppressedMark : "no answers", 0, y);
                mark.Alignment = Alignment.MiddleCenter;
                mark.LabelFontSize = 11;
                mark.LabelFontName = FontName;
                continue;
            }

            var shares = group.Counts.Select(c => 100.0 * c / group.Base).ToArray();
            var left = -shares.Take(negatives).Sum() - (hasNeutral ? shares[negatives] / 2 : 0);
            for (var o = 0; o < k; o++)
            {
                barsByOption[o].Add(new Bar
                {
                    Position = y,
                    ValueBase = left,
                    Value = left + shares[o],
                    Size = 0.7,
                    FillColor = colors[o],
                    LineWidth = 0,
                    Orientation = Orientation.Horizontal,
                });
                left += shares[o];
            }
        }

        for (var o = 0; o < k; o++)
        {
            var barPlot = plot.Add.Bars(barsByOption[o]);
            barPlot.Horizontal = true;
            barPlot.Color = colors[o];
            barPlot.LegendText = spec.Scale[o];
        }

        plot.Add.VerticalLine(0, 1, ChartPalette.Whisker);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        var xTicks = new[] { -100, -75, -50, -25, 0, 25, 50, 75, 100 }
            .Select(v => new Tick(v, $"{Math.Abs(v)}%")).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xTicks);
        plot.Axes.SetLimits(-100, 100, -0.7, spec.Groups.Count - 0.3);
        plot.ShowLegend(Edge.Bottom);
        var note = anySuppressed ? $"{SuppressedMark} not shown: fewer councils than the publication threshold" : null;
        Decorate(plot, spec.Title, Join(spec.Subtitle, note), "Share of councils answering (disagree left, agree right)", "Group");
        return plot;
    }

    /// <summary>A heat map with Viridis colours, a colour bar and the value written in each cell.</summary>
    public static ChartImage HeatMap(HeatMapSpec spec, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ChartImage(spec.Title, spec.Subtitle, size ?? ChartSize.Default, ChartTables.HeatMap(spec), () => DrawHeatMap(spec));
    }

    private static Plot DrawHeatMap(HeatMapSpec spec)
    {
        var plot = new Plot();
        var rows = spec.RowLabels.Count;
        var cols = spec.ColumnLabels.Count;
        var data = new double[rows, cols];
        var anySuppressed = false;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var suppressed = IsSuppressed(spec, r, c);
                anySuppressed |= suppressed;
                data[r, c] = !suppressed && spec.Values[r][c] is { } v ? v : double.NaN;
            }
        }

        // With every cell withheld (a small round's published view) ScottPlot cannot colour the grid (the
        // data's range is NaN and it throws even with a manual range): the chart is the [c] marks alone.
        var heatmap = data.Cast<double>().All(double.IsNaN) ? null : plot.Add.Heatmap(data);
        if (heatmap is not null)
        {
            heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
            heatmap.ManualRange = new ScottPlot.Range(spec.Min, spec.Max);
            heatmap.NaNCellColor = ChartPalette.NoData;
            // Row 0 is drawn at the top: cell centres sit on whole numbers, y counted from the bottom.
            heatmap.Extent = new CoordinateRect(-0.5, cols - 0.5, -0.5, rows - 0.5);
            heatmap.FlipVertically = false;
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var y = rows - 1 - r;
                var value = data[r, c];
                var label = double.IsNaN(value) ? (IsSuppressed(spec, r, c) ? SuppressedMark : "–") : value.ToString("0", _culture);
                var text = plot.Add.Text(label, c, y);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = 12;
                text.LabelFontName = FontName;
                var fraction = (value - spec.Min) / (spec.Max - spec.Min);
                text.LabelFontColor = double.IsNaN(value) || fraction > 0.55 ? Colors.Black : Colors.White;
            }
        }

        if (heatmap is not null)
        {
            var colorBar = plot.Add.ColorBar(heatmap);
            colorBar.Label = spec.ColorBarLabel;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            spec.ColumnLabels.Select((l, c) => new Tick(c, l)).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperRight;
        plot.Axes.Bottom.MinimumSize = 110;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            spec.RowLabels.Select((l, r) => new Tick(rows - 1 - r, $"{l} (n = {spec.RowBases[r]})")).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, cols - 0.5, -0.5, rows - 0.5);
        var note = anySuppressed ? $"{SuppressedMark} not shown: fewer councils than the publication threshold" : null;
        Decorate(plot, spec.Title, Join(spec.Subtitle, note), spec.XLabel, spec.YLabel);
        return plot;
    }

    internal static bool IsSuppressed(HeatMapSpec spec, int row, int col) =>
        spec.Suppressed is { } s && s[row][col];

    private static void AddWhisker(Plot plot, double x, double low, double high, double cap)
    {
        foreach (var line in new[]
        {
            plot.Add.Line(x, low, x, high),
            plot.Add.Line(x - cap, low, x + cap, low),
            plot.Add.Line(x - cap, high, x + cap, high),
        })
        {
            line.Color = ChartPalette.Whisker;
            line.LineWidth = 1.5f;
            line.MarkerSize = 0;
        }
    }

    private static Color[] LikertColors(int k)
    {
        var negatives = k / 2;
        var result = new Color[k];
        for (var i = 0; i < negatives; i++)
        {
            // The ends of the scale get the strongest colours; sides longer than three reuse the palest.
            result[i] = ChartPalette.Negative[Math.Min(i, 2)];
            result[k - 1 - i] = ChartPalette.Positive[2 - Math.Min(i, 2)];
        }

        if (k % 2 == 1)
        {
            result[negatives] = ChartPalette.Neutral;
        }

        return result;
    }

    private static string LegendText(BarSeries series)
    {
        var bases = series.Points.Where(p => !p.Suppressed).Select(p => p.N).Distinct().ToList();
        return bases.Count == 1 ? $"{series.Name} (n = {bases[0]})" : series.Name;
    }

    private static string BaseText(IReadOnlyList<BarPoint> points, int index) =>
        index < points.Count ? $"n = {points[index].N}" : "";

    private static string BaseText(LikertGroup group) => group.Suppressed ? "n < threshold" : $"n = {group.Base}";

    private static string? Join(string? a, string? b) =>
        (a, b) switch
        {
            (null, _) => b,
            (_, null) => a,
            _ => a + "\n" + b,
        };

    private static void Decorate(Plot plot, string title, string? subtitle, string xLabel, string yLabel)
    {
        plot.Title(subtitle is null ? title : title + "\n" + subtitle, 16);
        plot.XLabel(xLabel, 13);
        plot.YLabel(yLabel, 13);
        plot.Font.Set(FontName);
    }
}
