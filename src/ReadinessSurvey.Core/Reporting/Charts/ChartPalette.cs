using ScottPlot;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// The charts' colours. Series colours are the first four Okabe-Ito colours (distinguishable with the
/// common forms of colour-blindness); the Analysis Function's guidance is to use few colours, so a chart
/// with more series than <see cref="MaxColours"/> becomes small multiples in one colour.
/// </summary>
public static class ChartPalette
{
    /// <summary>The most series drawn side by side in different colours.</summary>
    public const int MaxColours = 4;

    public static IReadOnlyList<Color> Series { get; } =
    [
        Color.FromHex("#0072B2"), // blue
        Color.FromHex("#E69F00"), // orange
        Color.FromHex("#009E73"), // bluish green
        Color.FromHex("#CC79A7"), // reddish purple
    ];

    /// <summary>
    /// Heat map bands, lowest first: one hue getting darker. Black text on the first three and white on the
    /// last two each have a contrast above 4.5:1.
    /// </summary>
    internal static IReadOnlyList<Color> Bands { get; } =
        [Color.FromHex("#EFF3FF"), Color.FromHex("#BDD7E7"), Color.FromHex("#6BAED6"), Color.FromHex("#2171B5"), Color.FromHex("#08306B")];

    /// <summary>Disagreement (strongest first) and agreement (weakest first) on an agreement scale.</summary>
    internal static IReadOnlyList<Color> Negative { get; } = [Color.FromHex("#D55E00"), Color.FromHex("#F0B27A")];

    internal static IReadOnlyList<Color> Positive { get; } = [Color.FromHex("#9CC9E8"), Color.FromHex("#0072B2")];

    internal static Color Neutral { get; } = Color.FromHex("#BBBBBB");

    /// <summary>Whiskers, notes and the text of withheld gaps: GOV.UK's dark grey, 7:1 on white.</summary>
    internal static Color Ink { get; } = Color.FromHex("#505A5F");

    internal static Color Rule { get; } = Color.FromHex("#B1B4B6");

    internal static Color Grid { get; } = Color.FromHex("#E5E5E5");

    public static Color ForSeries(int index) => Series[index % Series.Count];

    /// <summary>Black or white, whichever reads better on the fill (WCAG relative luminance).</summary>
    internal static Color TextOn(Color fill)
    {
        static double Linear(byte c) => c / 255.0 is var s && s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        var luminance = (0.2126 * Linear(fill.R)) + (0.7152 * Linear(fill.G)) + (0.0722 * Linear(fill.B));
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? Colors.Black : Colors.White;
    }
}
