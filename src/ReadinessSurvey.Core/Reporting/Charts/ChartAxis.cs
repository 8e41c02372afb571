using System.Globalization;
using ScottPlot;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// Value axes: percentages and scores run from 0 to 100 exactly; counts get whole-number ticks (a round of
/// 30 councils never shows 0.2 of a council); other numbers a round top above the data. Every axis starts at 0.
/// </summary>
internal static class ChartAxis
{
    private static readonly CultureInfo _culture = CultureInfo.InvariantCulture;
    private static readonly int[] _multiples = [1, 2, 5, 10];

    /// <summary>The axis top and its ticks for the largest value drawn.</summary>
    public static (double Max, Tick[] Ticks) For(ValueScale scale, double largest)
    {
        if (scale is ValueScale.Percent or ValueScale.Score)
        {
            var suffix = scale == ValueScale.Percent ? "%" : "";
            return (100, [.. Enumerable.Range(0, 6).Select(i => new Tick(i * 20, $"{i * 20}{suffix}"))]);
        }

        var step = NiceStep(largest, wholeNumbers: scale == ValueScale.Count);
        var top = Math.Max(step, Math.Ceiling(largest / step) * step);
        var count = (int)Math.Round(top / step);
        return (top, [.. Enumerable.Range(0, count + 1).Select(i => new Tick(i * step, (i * step).ToString("#,0.##", _culture)))]);
    }

    /// <summary>1, 2 or 5 times a power of ten, giving at most six intervals; at least 1 for whole numbers.</summary>
    internal static double NiceStep(double largest, bool wholeNumbers)
    {
        if (largest <= 0 || double.IsNaN(largest))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(largest / 6)));
        var step = _multiples.Select(m => m * magnitude).First(s => largest / s <= 6);
        return wholeNumbers ? Math.Max(1, Math.Round(step)) : step;
    }
}
