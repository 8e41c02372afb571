using ScottPlot;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// What every chart shares: a fixed layout worked out from the text it has to hold (ScottPlot's
/// automatic layout cannot know that a value label or a withheld gap must fit), the title with the
/// subtitle and its n, and plain axes.
/// </summary>
internal static class ChartFrame
{
    /// <summary>Lines of the title block: title, subtitle and note, each wrapped to the width they are centred in.</summary>
    public static IReadOnlyList<string> TitleLines(string title, string? subtitle, string? note, double width) =>
    [
        .. ChartText.Wrap(title, ChartText.CharsIn(width, ChartText.TitleSize)),
        .. subtitle is null ? [] : ChartText.Wrap(subtitle, ChartText.CharsIn(width, ChartText.TitleSize)),
        .. note is null ? [] : ChartText.Wrap(note, ChartText.CharsIn(width, ChartText.TitleSize)),
    ];

    /// <summary>Width a centred title may take: twice the distance from the data area's centre to the nearer figure edge.</summary>
    public static double TitleWidth(int figureWidth, double left, double right) =>
        (2 * Math.Min(left + ((figureWidth - left - right) / 2), right + ((figureWidth - left - right) / 2))) - 24;

    public static double TitleHeight(IReadOnlyList<string> lines) => ChartText.Height(lines.Count, ChartText.TitleSize) + 26;

    /// <summary>
    /// The note under the title when a chart has withheld values, saying how many: "[c] 8 of 10 groups
    /// withheld to protect groups of fewer than 5 councils".
    /// </summary>
    public static string WithheldNote(int threshold, int withheld, int total, string things) =>
        $"{ChartRenderer.SuppressedMark} {withheld} of {total} {things} withheld to protect groups of fewer than {threshold} councils";

    public static void Apply(Plot plot, IReadOnlyList<string> titleLines, PixelPadding padding)
    {
        plot.Layout.Fixed(padding);
        plot.Title(string.Join('\n', titleLines), ChartText.TitleSize);
        plot.Axes.Title.Label.FontName = ChartText.FontName;
        plot.Axes.Title.Label.Bold = false;
        plot.Font.Set(ChartText.FontName);
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.TickLabelStyle.FontSize = ChartText.TickSize;
            axis.TickLabelStyle.FontName = ChartText.FontName;
            axis.MinorTickStyle.Length = 0;
        }
    }

    /// <summary>A legend along the bottom, framed in grey, without a shadow.</summary>
    public static void BottomLegend(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = ChartText.TickSize;
        plot.Legend.FontName = ChartText.FontName;
        plot.Legend.ShadowOffset = new PixelOffset(0, 0);
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.OutlineColor = ChartPalette.Rule;
    }

    /// <summary>A label inside the data area; ScottPlot draws it clipped to that area, so callers check it fits.</summary>
    public static ScottPlot.Plottables.Text Label(Plot plot, string text, double x, double y, Alignment alignment, Color color, float size = ChartText.ValueSize, bool bold = false)
    {
        var label = plot.Add.Text(text, x, y);
        label.Alignment = alignment;
        label.LabelFontSize = size;
        label.LabelFontName = ChartText.FontName;
        label.LabelFontColor = color;
        label.LabelBold = bold;
        return label;
    }

    /// <summary>The label of a withheld or missing bar: on white, so no grid line runs through it.</summary>
    public static void Gap(Plot plot, string text, double x, double y)
    {
        var label = Label(plot, text, x, y, Alignment.MiddleLeft, ChartPalette.Ink);
        label.OffsetX = 4;
        label.LabelBackgroundColor = Colors.White;
    }

    /// <summary>Grid lines along the value axis only, light, under the bars.</summary>
    public static void ValueGrid(Plot plot, bool horizontalBars)
    {
        plot.Grid.XAxisStyle.IsVisible = horizontalBars;
        plot.Grid.YAxisStyle.IsVisible = !horizontalBars;
        plot.Grid.MajorLineColor = ChartPalette.Grid;
        plot.Grid.MinorLineWidth = 0;
        plot.Grid.IsBeneathPlottables = true;
    }

    /// <summary>
    /// Rows ScottPlot's legend needs at the bottom: it lays items out in columns as wide as the widest
    /// item (its symbol, text and spacing).
    /// </summary>
    public static int LegendRows(IReadOnlyCollection<string> items, double width)
    {
        if (items.Count == 0)
        {
            return 0;
        }

        var item = 48 + items.Max(i => ChartText.Width(i, ChartText.TickSize));
        var perRow = Math.Max(1, (int)((width - 30) / item));
        return (items.Count + perRow - 1) / perRow;
    }

    /// <summary>Pixels a bottom legend of so many rows takes, with its frame and the gap above it.</summary>
    public static double LegendHeight(int rows) => rows == 0 ? 0 : (rows * 24) + 40;

    /// <summary>"n = 42", or "n = 40 to 42" when the points' bases differ, or "n withheld".</summary>
    public static string BaseText(IEnumerable<BarPoint> points)
    {
        var shown = points.Where(p => !p.BaseSuppressed && (p.Value is not null || p.Suppressed)).Select(p => p.N).Distinct().Order().ToList();
        return shown.Count switch
        {
            0 => "n withheld",
            1 => $"n = {shown[0]}",
            _ => $"n = {shown[0]} to {shown[^1]}",
        };
    }
}
