using ScottPlot;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// Where everything in a bar chart goes, worked out before drawing from the text it must hold:
/// which way the bars run, the panels (one, or one per series as small multiples), each row's place,
/// the category labels (wrapped, never clipped), the value axis and the margins.
/// </summary>
internal sealed class BarLayout
{
    /// <summary>A panel: the series it draws and, for small multiples, its heading.</summary>
    public sealed record Panel(string? Heading, IReadOnlyList<int> Series);

    /// <summary>A row of a horizontal chart: a panel heading or a category, at a y in data units.</summary>
    public sealed record Row(int Panel, int Category, double Y);

    private BarLayout(BarChartSpec spec) => Spec = spec;

    public BarChartSpec Spec { get; }

    public bool Horizontal { get; private init; }

    public IReadOnlyList<Panel> Panels { get; private init; } = [];

    /// <summary>Category rows (Category &gt;= 0) and heading rows (Category = -1), top to bottom.</summary>
    public IReadOnlyList<Row> Rows { get; private init; } = [];

    /// <summary>Each category's label, one entry per line.</summary>
    public IReadOnlyList<IReadOnlyList<string>> CategoryLines { get; private init; } = [];

    public double AxisMax { get; private init; }

    public Tick[] ValueTicks { get; private init; } = [];

    public IReadOnlyList<string> TitleLines { get; private init; } = [];

    public PixelPadding Padding { get; private init; }

    public ChartSize Size { get; private init; }

    /// <summary>
    /// Small multiples side by side: each panel's value axis is offset by this many data units (its
    /// length and a quarter of it as a gap), and the panels share the category labels on the left.
    /// Zero when there is one panel, or when there are too many panels to sit side by side (then they stack).
    /// </summary>
    public double PanelSpan { get; private init; }

    /// <summary>Each side-by-side panel's heading (above it, as top axis labels), one entry per line.</summary>
    public IReadOnlyList<IReadOnlyList<string>> HeadingLines { get; private init; } = [];

    public bool SideBySide => PanelSpan > 0;

    /// <summary>Pixels of one panel's value axis.</summary>
    public double PanelPixels => SideBySide ? DataWidth * AxisMax / ((Panels.Count * PanelSpan) - (PanelSpan - AxisMax)) : DataWidth;

    /// <summary>Pixels per data unit along the category axis (a row is one unit).</summary>
    public double RowPixels { get; private init; }

    public double DataWidth => Size.Width - Padding.Left - Padding.Right;

    public double DataHeight => Size.Height - Padding.Top - Padding.Bottom;

    public bool AnySuppressed => Spec.Series.Any(s => s.Points.Any(p => p.Suppressed));

    public bool HasLegend => Panels.Count == 1 && Spec.Series.Count > 1;

    /// <summary>Legend rows at the bottom: items packed into the width (a symbol, its text and spacing each).</summary>
    public int LegendRows { get; private init; }

    /// <summary>The most panels drawn side by side; more are stacked one above another.</summary>
    public const int MaxSideBySide = 8;

    public static BarLayout For(BarChartSpec spec, ChartSize size)
    {
        var vertical = spec.Vertical && spec.Series.Count <= ChartPalette.MaxColours ? Vertical(spec, size) : null;
        return vertical ?? HorizontalLayout(spec, size);
    }

    /// <summary>The category's label: its name, with its n when a single series' bases differ (otherwise n is in the subtitle or legend), and "n withheld" whenever its base is.</summary>
    public static string CategoryText(BarChartSpec spec, int c)
    {
        if (spec.Series.Count != 1 || c >= spec.Series[0].Points.Count)
        {
            return spec.Categories[c];
        }

        var points = spec.Series[0].Points;
        var point = points[c];
        var basesDiffer = points.Select(p => p.BaseSuppressed ? -1 : p.N).Distinct().Count() > 1;
        return point.BaseSuppressed ? $"{spec.Categories[c]} (n withheld)"
            : !basesDiffer ? spec.Categories[c]
            : $"{spec.Categories[c]} (n = {point.N})";
    }

    public static string SeriesText(BarSeries series) => $"{series.Name} ({ChartFrame.BaseText(series.Points)})";

    private static (double Max, Tick[] Ticks) Axis(BarChartSpec spec)
    {
        var largest = spec.Series.SelectMany(s => s.Points).Where(p => !p.Suppressed && p.Value is not null)
            .Select(p => Math.Max(p.Value!.Value, p.High ?? 0)).DefaultIfEmpty(0).Max();
        return ChartAxis.For(spec.Scale, largest);
    }

    private static int LegendRowsFor(BarChartSpec spec, double width) =>
        spec.Series.Count <= 1 ? 0 : ChartFrame.LegendRows(spec.Series.Select(SeriesText).ToList(), width);

    private static BarLayout HorizontalLayout(BarChartSpec spec, ChartSize size)
    {
        var smallMultiples = spec.Series.Count > ChartPalette.MaxColours;
        var sideBySide = smallMultiples && spec.Series.Count <= MaxSideBySide;
        var panels = smallMultiples
            ? spec.Series.Select((s, i) => new Panel(SeriesText(s), [i])).ToList()
            : [new Panel(null, Enumerable.Range(0, spec.Series.Count).ToList())];
        var maxChars = sideBySide ? 28 : Math.Min(56, ChartText.CharsIn(size.Width * 0.42, ChartText.TickSize));
        var lines = spec.Categories.Select((_, c) => ChartText.Wrap(CategoryText(spec, c), maxChars)).ToList();
        var barsPerRow = panels.Max(p => p.Series.Count);
        var maxLines = lines.Select(l => l.Count).DefaultIfEmpty(1).Max();
        var rowPixels = Math.Max(Math.Max(24, (maxLines * 15) + 8), barsPerRow == 1 ? 0 : (barsPerRow * 20) + 12);

        var rows = new List<Row>();
        var y = 0.0;
        for (var p = 0; p < (sideBySide ? 1 : panels.Count); p++)
        {
            if (panels[p].Heading is not null && !sideBySide)
            {
                y -= p == 0 ? 0 : 0.5; // a gap between panels
                rows.Add(new Row(p, -1, y--));
            }

            for (var c = 0; c < spec.Categories.Count; c++)
            {
                rows.Add(new Row(p, c, y--));
            }
        }

        var units = -y; // rows from the top (0) down
        var left = Math.Max(60, ChartText.Width(lines.SelectMany(l => l), ChartText.TickSize) + 18);
        const double right = 36;
        var legendRows = smallMultiples ? 0 : LegendRowsFor(spec, size.Width);
        var note = WithheldNote(spec);
        var titleLines = ChartFrame.TitleLines(spec.Title, spec.Subtitle, note, ChartFrame.TitleWidth(size.Width, left, right));
        var (max, ticks) = Axis(spec);
        var span = sideBySide ? max * 1.35 : 0;
        var panelPixels = sideBySide ? (size.Width - left - right) * span / ((panels.Count * span) - (span - max)) : 0;
        var headings = sideBySide ? panels.Select(p => ChartText.Wrap(p.Heading!, ChartText.CharsIn(panelPixels - 6, ChartText.TickSize))).ToList() : [];
        var top = ChartFrame.TitleHeight(titleLines) + (sideBySide ? ChartText.Height(headings.Max(h => h.Count), ChartText.TickSize) + 10 : 0);
        var bottom = 22 + ChartText.Height(1, ChartText.LabelSize) + 14 + ChartFrame.LegendHeight(legendRows);
        return new BarLayout(spec)
        {
            Horizontal = true,
            PanelSpan = span,
            HeadingLines = headings,
            Panels = panels,
            Rows = [.. rows.Select(r => r with { Y = r.Y + units - 1 })], // top row at the highest y
            CategoryLines = lines,
            AxisMax = max,
            ValueTicks = ticks,
            TitleLines = titleLines,
            RowPixels = rowPixels,
            LegendRows = legendRows,
            Padding = new PixelPadding((float)left, (float)right, (float)bottom, (float)top),
            Size = new ChartSize(size.Width, (int)Math.Ceiling(top + bottom + (units * rowPixels))),
        };
    }

    /// <summary>Upright bars, when every category label fits under its bar in at most three lines; null otherwise.</summary>
    private static BarLayout? Vertical(BarChartSpec spec, ChartSize size)
    {
        const double left = 76;
        const double right = 24;
        var slot = (size.Width - left - right) / Math.Max(1, spec.Categories.Count);
        var maxChars = ChartText.CharsIn(slot - 8, ChartText.TickSize);
        var lines = spec.Categories.Select((_, c) => ChartText.Wrap(CategoryText(spec, c), maxChars)).ToList();
        if (lines.Any(l => l.Count > 3 || ChartText.Width(l, ChartText.TickSize) > slot - 8) || slot < 40)
        {
            return null;
        }

        var legendRows = LegendRowsFor(spec, size.Width);
        var note = WithheldNote(spec);
        var titleLines = ChartFrame.TitleLines(spec.Title, spec.Subtitle, note, ChartFrame.TitleWidth(size.Width, left, right));
        var top = ChartFrame.TitleHeight(titleLines);
        var bottom = ChartText.Height(lines.Max(l => l.Count), ChartText.TickSize) + 12 + ChartText.Height(1, ChartText.LabelSize) + 14
                     + ChartFrame.LegendHeight(legendRows);
        var (max, ticks) = Axis(spec);
        return new BarLayout(spec)
        {
            Horizontal = false,
            Panels = [new Panel(null, Enumerable.Range(0, spec.Series.Count).ToList())],
            Rows = [.. spec.Categories.Select((_, c) => new Row(0, c, c))],
            CategoryLines = lines,
            AxisMax = max,
            ValueTicks = ticks,
            TitleLines = titleLines,
            RowPixels = slot,
            LegendRows = legendRows,
            Padding = new PixelPadding((float)left, (float)right, (float)bottom, (float)top),
            Size = new ChartSize(size.Width, Math.Max(size.Height, (int)(top + bottom + 200))),
        };
    }

    /// <summary>How many of the chart's values are withheld, or null when none is.</summary>
    private static string? WithheldNote(BarChartSpec spec)
    {
        var points = spec.Series.SelectMany(s => s.Points).ToList();
        var withheld = points.Count(p => p.Suppressed);
        return withheld == 0 ? null : ChartFrame.WithheldNote(spec.Threshold, withheld, points.Count, "values");
    }
}
