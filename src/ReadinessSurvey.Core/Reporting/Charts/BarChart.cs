using System.Globalization;
using ScottPlot;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// Draws a <see cref="BarLayout"/> with ScottPlot. Value labels are drawn only where they fit (beyond the
/// bar's end, else inside it, else not at all: the data table carries every number); withheld bars are
/// a labelled gap, never a zero.
/// </summary>
internal static class BarChart
{
    private const string NoData = "no data";
    private static readonly CultureInfo _culture = CultureInfo.InvariantCulture;

    public static Plot Draw(BarLayout layout)
    {
        var spec = layout.Spec;
        var plot = new Plot();
        var orientation = layout.Horizontal ? Orientation.Horizontal : Orientation.Vertical;
        var pixelsPerValue = (layout.Horizontal ? layout.PanelPixels : layout.DataHeight) / layout.AxisMax;
        var barsBySeries = spec.Series.Select(_ => new List<Bar>()).ToList();
        var onTop = new List<Action>(); // whiskers and labels, added after the bars so they are drawn over them

        foreach (var row in layout.Rows)
        {
            if (row.Category < 0)
            {
                ChartFrame.Label(plot, layout.Panels[row.Panel].Heading!, 0, row.Y, Alignment.MiddleLeft, Colors.Black, ChartText.LabelSize, bold: true).OffsetX = 2;
                continue;
            }

            foreach (var p in layout.SideBySide ? Enumerable.Range(0, layout.Panels.Count) : [row.Panel])
            {
                var panel = layout.Panels[p];
                var origin = p * layout.PanelSpan;
                var slot = 0.8 / panel.Series.Count;
                for (var k = 0; k < panel.Series.Count; k++)
                {
                    var s = panel.Series[k];
                    if (row.Category >= spec.Series[s].Points.Count)
                    {
                        continue;
                    }

                    var point = spec.Series[s].Points[row.Category];
                    // Horizontal: the first series at the top of its row; vertical: the first on the left.
                    var offset = ((panel.Series.Count - 1) / 2.0 - k) * slot;
                    var position = layout.Horizontal ? row.Y + offset : row.Y - offset;
                    var thickness = slot * 0.9 * layout.RowPixels;
                    var color = layout.Panels.Count > 1 ? ChartPalette.Series[0] : ChartPalette.ForSeries(s);
                    if (point.Suppressed || point.Value is null)
                    {
                        var gap = point.Suppressed ? $"{ChartRenderer.SuppressedMark} withheld" : NoData;
                        // Grouped bars: say whose bar is missing, since a gap has no colour.
                        gap = panel.Series.Count > 1 ? $"{spec.Series[s].Name}: {gap}" : gap;
                        onTop.Add(() => Gap(plot, layout, origin, position, thickness, gap));
                        continue;
                    }

                    var value = point.Value.Value;
                    barsBySeries[s].Add(new Bar
                    {
                        Position = position,
                        ValueBase = origin,
                        Value = origin + value,
                        Size = slot * 0.9,
                        FillColor = color,
                        LineWidth = 0,
                        Orientation = orientation,
                    });
                    if (point.Low is { } low && point.High is { } high)
                    {
                        onTop.Add(() => Whisker(plot, layout.Horizontal, position, origin + low, origin + high, slot * 0.25));
                    }

                    var whiskerStart = point.Low is not null && point.High is not null ? point.Low.Value * pixelsPerValue : (double?)null;
                    onTop.Add(() => ValueLabel(plot, layout, origin, position, value, thickness, value * pixelsPerValue, color, whiskerStart));
                }
            }
        }

        for (var s = 0; s < spec.Series.Count; s++)
        {
            var bars = plot.Add.Bars(barsBySeries[s]);
            bars.Horizontal = layout.Horizontal;
            var color = layout.Panels.Count > 1 ? ChartPalette.Series[0] : ChartPalette.ForSeries(s);
            bars.Color = color;
            if (layout.HasLegend)
            {
                // Listed by hand: ScottPlot leaves out a series with no bars, such as one wholly withheld.
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = BarLayout.SeriesText(spec.Series[s]), FillColor = color });
            }
        }

        onTop.ForEach(draw => draw());

        Axes(plot, layout);
        return plot;
    }

    private static void Axes(Plot plot, BarLayout layout)
    {
        var spec = layout.Spec;
        var categoryTicks = layout.Rows.Where(r => r.Category >= 0)
            .Select(r => new Tick(r.Y, string.Join('\n', layout.CategoryLines[r.Category]))).ToArray();
        ChartFrame.Apply(plot, layout.TitleLines, layout.Padding);
        ChartFrame.ValueGrid(plot, layout.Horizontal);
        var (categoryAxis, valueAxis) = layout.Horizontal ? ((IAxis)plot.Axes.Left, (IAxis)plot.Axes.Bottom) : (plot.Axes.Bottom, plot.Axes.Left);
        categoryAxis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(categoryTicks);
        categoryAxis.MajorTickStyle.Length = 0;
        valueAxis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(layout.SideBySide ? PanelTicks(layout) : layout.ValueTicks);
        if (layout.SideBySide)
        {
            // Each panel's heading sits above it as a label of the top axis, which spans the same range.
            var right = (layout.Panels.Count * layout.PanelSpan) - (layout.PanelSpan - layout.AxisMax);
            plot.Axes.SetLimits(0, right, layout.Rows[^1].Y - 0.5, layout.Rows[0].Y + 0.5);
            plot.Axes.SetLimitsX(0, right, plot.Axes.Top);
            plot.Axes.Top.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                layout.HeadingLines.Select((h, p) => new Tick((p * layout.PanelSpan) + (layout.AxisMax / 2), string.Join('\n', h))).ToArray());
            plot.Axes.Top.MajorTickStyle.Length = 0;
            for (var p = 1; p < layout.Panels.Count; p++)
            {
                plot.Add.VerticalLine(p * layout.PanelSpan, 1, ChartPalette.Ink);
            }

            plot.Axes.Top.TickLabelStyle.FontSize = ChartText.TickSize;
            plot.Axes.Top.TickLabelStyle.FontName = ChartText.FontName;
            plot.XLabel(spec.ValueLabel, ChartText.LabelSize);
        }
        else if (layout.Horizontal)
        {
            plot.Axes.SetLimits(0, layout.AxisMax, layout.Rows[^1].Y - 0.5, layout.Rows[0].Y + 0.5);
            plot.XLabel(spec.ValueLabel, ChartText.LabelSize);
        }
        else
        {
            plot.Axes.SetLimits(-0.5, spec.Categories.Count - 0.5, 0, layout.AxisMax);
            plot.XLabel(spec.CategoryLabel, ChartText.LabelSize);
            plot.YLabel(spec.ValueLabel, ChartText.LabelSize);
        }

        if (layout.HasLegend)
        {
            ChartFrame.BottomLegend(plot);
        }
        else
        {
            plot.HideLegend();
        }
    }

    /// <summary>Each side-by-side panel's own axis: its start, middle and end, numbers only (the axis title gives the unit).</summary>
    private static Tick[] PanelTicks(BarLayout layout) =>
        [.. Enumerable.Range(0, layout.Panels.Count).SelectMany(p => new[] { 0, 0.5, 1 }.Select(f => new Tick(
            (p * layout.PanelSpan) + (f * layout.AxisMax), (f * layout.AxisMax).ToString("#,0.##", _culture))))];

    /// <summary>A withheld or missing bar: its label at the base, where the bar would start, if the row is tall enough to hold it.</summary>
    private static void Gap(Plot plot, BarLayout layout, double origin, double position, double thickness, string text)
    {
        if (layout.Horizontal && thickness >= ChartText.ValueSize + 2)
        {
            // Side by side, a panel may be too narrow for the words: the mark alone says it.
            var words = ChartText.Width(text, ChartText.ValueSize) + 8 <= layout.PanelPixels ? text : ChartRenderer.SuppressedMark;
            ChartFrame.Gap(plot, words, origin, position);
        }
        else if (!layout.Horizontal && thickness >= ChartText.Width(text.Split(' '), ChartText.ValueSize) + 4)
        {
            ChartFrame.Label(plot, text.Replace(' ', '\n'), position, 0, Alignment.LowerCenter, ChartPalette.Ink).OffsetY = -4;
        }
    }

    /// <summary>
    /// The value at the bar's end if it fits between the bar and the axis end, else inside the bar, else
    /// nothing. With whiskers, inside at the base only and short of the whisker, so the two never cross.
    /// </summary>
    private static void ValueLabel(Plot plot, BarLayout layout, double origin, double position, double value, double thickness, double barPixels, Color fill, double? whiskerStart)
    {
        var text = value.ToString(layout.Spec.ValueFormat, _culture);
        var across = layout.Horizontal ? ChartText.Width(text, ChartText.ValueSize) : ChartText.ValueSize;
        var breadth = layout.Horizontal ? ChartText.ValueSize : ChartText.Width(text, ChartText.ValueSize);
        if (thickness < breadth + 2)
        {
            return;
        }

        var hasWhiskers = whiskerStart is not null;
        var room = (layout.Horizontal ? layout.PanelPixels : layout.DataHeight) - barPixels;
        if (!hasWhiskers && across + 8 <= room)
        {
            var outside = layout.Horizontal
                ? ChartFrame.Label(plot, text, origin + value, position, Alignment.MiddleLeft, Colors.Black)
                : ChartFrame.Label(plot, text, position, value, Alignment.LowerCenter, Colors.Black);
            (outside.OffsetX, outside.OffsetY) = layout.Horizontal ? (4, 0) : (0, -4);
        }
        else if (across + 8 <= Math.Min(barPixels, whiskerStart ?? barPixels))
        {
            var (x, y, alignment) = (layout.Horizontal, hasWhiskers) switch
            {
                (true, true) => (origin, position, Alignment.MiddleLeft),
                (true, false) => (origin + value, position, Alignment.MiddleRight),
                (false, true) => (position, 0, Alignment.LowerCenter),
                _ => (position, value, Alignment.UpperCenter),
            };
            var inside = ChartFrame.Label(plot, text, x, y, alignment, ChartPalette.TextOn(fill));
            (inside.OffsetX, inside.OffsetY) = (layout.Horizontal, hasWhiskers) switch
            {
                (true, true) => (4f, 0f),
                (true, false) => (-4f, 0f),
                (false, true) => (0f, -4f),
                _ => (0f, 4f),
            };
        }
    }

    private static void Whisker(Plot plot, bool horizontal, double position, double low, double high, double cap)
    {
        var lines = horizontal
            ? new[] { plot.Add.Line(low, position, high, position), plot.Add.Line(low, position - cap, low, position + cap), plot.Add.Line(high, position - cap, high, position + cap) }
            : [plot.Add.Line(position, low, position, high), plot.Add.Line(position - cap, low, position + cap, low), plot.Add.Line(position - cap, high, position + cap, high)];
        foreach (var line in lines)
        {
            line.Color = ChartPalette.Ink;
            line.LineWidth = 1.5f;
            line.MarkerSize = 0;
        }
    }
}
