using System.Globalization;
using ScottPlot;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// A heat map of discrete cells: one ScottPlot rectangle per cell, centred on its row's and column's
/// tick, coloured by one of five 20-point bands and holding its value. Rectangles are vectors in the
/// SVG, so a browser cannot smooth them into a blur the way it interpolates a scaled bitmap, and they
/// cannot slip half a cell from their labels.
/// </summary>
internal static class HeatMapChart
{
    private const double BandWidth = 20;
    private static readonly CultureInfo _culture = CultureInfo.InvariantCulture;

    public static string RowText(HeatMapSpec spec, int r) =>
        spec.RowBases[r] is { } n ? $"{spec.RowLabels[r]} (n = {n})" : $"{spec.RowLabels[r]} (n withheld)";

    /// <summary>Band 0 to 4 of a 0 to 100 value.</summary>
    public static int Band(double value) => Math.Clamp((int)(value / BandWidth), 0, ChartPalette.Bands.Count - 1);

    public static string BandText(int band) =>
        band == ChartPalette.Bands.Count - 1 ? $"{band * BandWidth:0} to 100" : $"{band * BandWidth:0} to {((band + 1) * BandWidth) - 1:0}";

    public static (ChartSize Size, Func<Plot> Draw) Lay(HeatMapSpec spec, ChartSize size)
    {
        var rows = spec.RowLabels.Count;
        var cols = spec.ColumnLabels.Count;
        var rowLines = Enumerable.Range(0, rows).Select(r => RowText(spec, r)).ToList();
        var left = Math.Max(60, ChartText.Width(rowLines, ChartText.TickSize) + 18);
        const double right = 24;
        var cellWidth = (size.Width - left - right) / Math.Max(1, cols);
        var columnLines = spec.ColumnLabels.Select(l => ChartText.Wrap(l, ChartText.CharsIn(cellWidth - 6, ChartText.TickSize))).ToList();
        var anySuppressed = Enumerable.Range(0, rows).Any(r => Enumerable.Range(0, cols).Any(c => IsSuppressed(spec, r, c)));
        var withheld = Enumerable.Range(0, rows).Sum(r => Enumerable.Range(0, cols).Count(c => IsSuppressed(spec, r, c)));
        var note = anySuppressed ? ChartFrame.WithheldNote(spec.Threshold, withheld, rows * cols, "cells") : null;
        var titleLines = ChartFrame.TitleLines(spec.Title, spec.Subtitle, note, ChartFrame.TitleWidth(size.Width, left, right));
        List<string> legend = [.. Enumerable.Range(0, ChartPalette.Bands.Count).Select(BandText), .. anySuppressed ? [$"{ChartRenderer.SuppressedMark} withheld"] : Array.Empty<string>()];
        var legendRows = ChartFrame.LegendRows(legend, size.Width);
        var top = ChartFrame.TitleHeight(titleLines);
        var bottom = ChartText.Height(columnLines.Max(l => l.Count), ChartText.TickSize) + 12 + ChartText.Height(1, ChartText.LabelSize) + 14 + ChartFrame.LegendHeight(legendRows);
        const double rowPixels = 34;
        var padding = new PixelPadding((float)left, (float)right, (float)bottom, (float)top);
        var height = (int)Math.Ceiling(top + bottom + (rows * rowPixels));
        return (new ChartSize(size.Width, height), () => Draw(spec, padding, titleLines, columnLines, rowLines));
    }

    internal static bool IsSuppressed(HeatMapSpec spec, int row, int col) => spec.Suppressed is { } s && s[row][col];

    private static Plot Draw(HeatMapSpec spec, PixelPadding padding, IReadOnlyList<string> titleLines, IReadOnlyList<IReadOnlyList<string>> columnLines, IReadOnlyList<string> rowLines)
    {
        var plot = new Plot();
        var rows = spec.RowLabels.Count;
        var cols = spec.ColumnLabels.Count;
        var anySuppressed = false;
        for (var r = 0; r < rows; r++)
        {
            var y = rows - 1 - r; // the first row at the top
            for (var c = 0; c < cols; c++)
            {
                var suppressed = IsSuppressed(spec, r, c);
                anySuppressed |= suppressed;
                var value = suppressed ? null : spec.Values[r][c];
                var cell = plot.Add.Rectangle(c - 0.5, c + 0.5, y - 0.5, y + 0.5);
                var fill = value is { } v ? ChartPalette.Bands[Band(v)] : Colors.White;
                cell.FillColor = fill;
                cell.LineColor = value is null ? ChartPalette.Rule : Colors.White;
                cell.LineWidth = value is null ? 1 : 2;
                var text = value?.ToString("0", _culture) ?? (suppressed ? ChartRenderer.SuppressedMark : "–");
                ChartFrame.Label(plot, text, c, y, Alignment.MiddleCenter, value is null ? ChartPalette.Ink : ChartPalette.TextOn(fill));
            }
        }

        for (var b = 0; b < ChartPalette.Bands.Count; b++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = BandText(b), FillColor = ChartPalette.Bands[b], OutlineColor = ChartPalette.Rule, OutlineWidth = 1 });
        }

        if (anySuppressed)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{ChartRenderer.SuppressedMark} withheld", FillColor = Colors.White, OutlineColor = ChartPalette.Rule, OutlineWidth = 1 });
        }

        ChartFrame.Apply(plot, titleLines, padding);
        plot.HideGrid();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            columnLines.Select((l, c) => new Tick(c, string.Join('\n', l))).ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            rowLines.Select((l, r) => new Tick(rows - 1 - r, l)).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(-0.5, cols - 0.5, -0.5, rows - 0.5);
        plot.XLabel($"{spec.ValueLabel}: the number in each cell; its colour band below", ChartText.LabelSize);
        ChartFrame.BottomLegend(plot);
        return plot;
    }
}
