using ScottPlot;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// A diverging stacked bar chart of an agreement scale: disagreement left of zero, agreement right, the
/// neutral answer split across the line. Each group is a row labelled with its n; a withheld group is a
/// labelled gap. Shares are written inside segments wide enough to hold them.
/// </summary>
internal static class LikertChart
{
    private const double RowPixels = 32;

    /// <summary>A group's label: its n, and the share of each answer outside the scale, e.g. "Wales (n = 22; Don't know 9%)".</summary>
    public static string GroupText(LikertChartSpec spec, LikertGroup group)
    {
        var n = group.BaseSuppressed ? "n withheld" : $"n = {group.N}";
        var outside = group.Suppressed || group.N == 0
            ? ""
            : string.Concat(spec.Outside.Select((label, i) => $"; {label} {group.OutsideShares[i]:0}%"));
        return $"{group.Group} ({n}{outside})";
    }

    public static (ChartSize Size, Func<Plot> Draw) Lay(LikertChartSpec spec, ChartSize size)
    {
        var labels = spec.Groups.Select(g => GroupText(spec, g)).ToList();
        var left = Math.Max(60, ChartText.Width(labels, ChartText.TickSize) + 18);
        const double right = 30;
        var withheld = spec.Groups.Count(g => g.Suppressed);
        var note = withheld > 0 ? ChartFrame.WithheldNote(spec.Threshold, withheld, spec.Groups.Count, "groups") : null;
        var titleLines = ChartFrame.TitleLines(spec.Title, spec.Subtitle, note, ChartFrame.TitleWidth(size.Width, left, right));
        var legendRows = ChartFrame.LegendRows(spec.Scale.ToList(), size.Width);
        var top = ChartFrame.TitleHeight(titleLines);
        var bottom = 22 + ChartText.Height(1, ChartText.LabelSize) + 14 + ChartFrame.LegendHeight(legendRows);
        var padding = new PixelPadding((float)left, (float)right, (float)bottom, (float)top);
        var height = (int)Math.Ceiling(top + bottom + (Math.Max(1, spec.Groups.Count) * RowPixels));
        var dataWidth = size.Width - left - right;
        return (new ChartSize(size.Width, height), () => Draw(spec, padding, titleLines, labels, dataWidth));
    }

    /// <summary>Colours from the ends of the scale inwards; a scale longer than five reuses the paler ones.</summary>
    internal static Color[] Colors(int k)
    {
        var negatives = k / 2;
        var result = new Color[k];
        for (var i = 0; i < negatives; i++)
        {
            result[i] = ChartPalette.Negative[Math.Min(i, 1)];
            result[k - 1 - i] = ChartPalette.Positive[1 - Math.Min(i, 1)];
        }

        if (k % 2 == 1)
        {
            result[negatives] = ChartPalette.Neutral;
        }

        return result;
    }

    private static Plot Draw(LikertChartSpec spec, PixelPadding padding, IReadOnlyList<string> titleLines, IReadOnlyList<string> groupLabels, double dataWidth)
    {
        var plot = new Plot();
        var k = spec.Scale.Count;
        var negatives = k / 2;
        var hasNeutral = k % 2 == 1;
        var colors = Colors(k);
        var barsByOption = Enumerable.Range(0, k).Select(_ => new List<Bar>()).ToArray();
        var labels = new List<Action>(); // added after the bars, so drawn over them
        var pixelsPerPoint = dataWidth / 200;

        for (var g = 0; g < spec.Groups.Count; g++)
        {
            var group = spec.Groups[g];
            var y = spec.Groups.Count - 1 - g; // first group at the top
            if (group.Suppressed || group.N == 0)
            {
                var gap = group.Suppressed
                    ? $"{ChartRenderer.SuppressedMark} withheld: some answers come from fewer than {spec.Threshold} councils"
                    : "no answers";
                labels.Add(() => ChartFrame.Gap(plot, gap, -100, y));
                continue;
            }

            var shares = group.Shares;

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
                var text = $"{shares[o]:0}%";
                if (ChartText.Width(text, ChartText.ValueSize) + 6 <= shares[o] * pixelsPerPoint)
                {
                    var (x, color) = (left + (shares[o] / 2), ChartPalette.TextOn(colors[o]));
                    labels.Add(() => ChartFrame.Label(plot, text, x, y, Alignment.MiddleCenter, color));
                }

                left += shares[o];
            }
        }

        for (var o = 0; o < k; o++)
        {
            var barPlot = plot.Add.Bars(barsByOption[o]);
            barPlot.Horizontal = true;
            barPlot.Color = colors[o];
            // Listed by hand: ScottPlot leaves out an option with no bars (every group withheld).
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = spec.Scale[o], FillColor = colors[o] });
        }

        plot.Add.VerticalLine(0, 1, ChartPalette.Ink);
        labels.ForEach(add => add());
        ChartFrame.Apply(plot, titleLines, padding);
        ChartFrame.ValueGrid(plot, horizontalBars: true);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            groupLabels.Select((l, g) => new Tick(spec.Groups.Count - 1 - g, l)).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            new[] { -100, -80, -60, -40, -20, 0, 20, 40, 60, 80, 100 }.Select(v => new Tick(v, $"{Math.Abs(v)}%")).ToArray());
        plot.Axes.SetLimits(-100, 100, -0.5, Math.Max(1, spec.Groups.Count) - 0.5);
        plot.XLabel("Share of councils answering: disagree to the left, agree to the right", ChartText.LabelSize);
        ChartFrame.BottomLegend(plot);
        return plot;
    }
}
