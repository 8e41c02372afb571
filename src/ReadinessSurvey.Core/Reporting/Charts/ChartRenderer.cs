using ScottPlot;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// Draws the report charts with ScottPlot (SkiaSharp underneath, so no GDI+ is needed), following the
/// Analysis Function's data visualisation guidance: axes from zero, percentages and scores to 100 exactly,
/// whole-number ticks for counts, bars across the page for long labels, few colours (small multiples
/// beyond four series), labels only where they fit, n stated, withheld values shown as withheld.
/// Each method returns a <see cref="ChartImage"/> with its size and data table at once; the PNG and SVG
/// are drawn when first asked for, each on a fresh <see cref="Plot"/>, so charts can be drawn in parallel.
/// </summary>
public static class ChartRenderer
{
    /// <summary>Text shown where a value is withheld.</summary>
    public const string SuppressedMark = "[c]";

    /// <summary>Bars (one or more series) with optional whiskers.</summary>
    public static ChartImage Bars(BarChartSpec spec, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var layout = BarLayout.For(spec, size ?? ChartSize.Default);
        return new ChartImage(spec.Title, AltText(spec.Title, spec.Subtitle, spec.Finding), layout.Size, ChartTables.Bars(spec), () => BarChart.Draw(layout));
    }

    /// <summary>A diverging stacked bar chart of an agreement scale.</summary>
    public static ChartImage Likert(LikertChartSpec spec, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (chartSize, draw) = LikertChart.Lay(spec, size ?? ChartSize.Default);
        return new ChartImage(spec.Title, AltText(spec.Title, spec.Subtitle, spec.Finding), chartSize, ChartTables.Likert(spec), draw);
    }

    /// <summary>A heat map of discrete cells in five bands, each with its value.</summary>
    public static ChartImage HeatMap(HeatMapSpec spec, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (chartSize, draw) = HeatMapChart.Lay(spec, size ?? ChartSize.Default);
        return new ChartImage(spec.Title, AltText(spec.Title, spec.Subtitle, spec.Finding), chartSize, ChartTables.HeatMap(spec), draw);
    }

    internal static bool IsSuppressed(HeatMapSpec spec, int row, int col) => HeatMapChart.IsSuppressed(spec, row, col);

    /// <summary>The title, what the chart shows (its main finding), the subtitle with n, and where the numbers are.</summary>
    private static string AltText(string title, string? subtitle, string? finding)
    {
        static string Sentence(string text) => text.TrimEnd().EndsWith('.') || text.TrimEnd().EndsWith('?') ? text.TrimEnd() : text.TrimEnd() + ".";
        var parts = new List<string> { Sentence(title) };
        if (finding is not null)
        {
            parts.Add(Sentence(finding));
        }

        if (subtitle is not null)
        {
            parts.Add(Sentence(subtitle));
        }

        parts.Add("The data is in the table with the chart.");
        return string.Join(' ', parts);
    }
}
