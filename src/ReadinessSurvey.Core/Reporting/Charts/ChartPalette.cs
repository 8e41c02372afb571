using ScottPlot;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// Okabe-Ito colours: distinguishable with the common forms of colour-blindness. Yellow comes last
/// because it is hard to see on white.
/// </summary>
public static class ChartPalette
{
    public static IReadOnlyList<Color> Series { get; } =
    [
        Color.FromHex("#0072B2"), // blue
        Color.FromHex("#E69F00"), // orange
        Color.FromHex("#009E73"), // bluish green
        Color.FromHex("#CC79A7"), // reddish purple
        Color.FromHex("#56B4E9"), // sky blue
        Color.FromHex("#D55E00"), // vermillion
        Color.FromHex("#000000"), // black
        Color.FromHex("#F0E442"), // yellow
    ];

    /// <summary>Most negative first.</summary>
    internal static IReadOnlyList<Color> Negative { get; } =
        [Color.FromHex("#D55E00"), Color.FromHex("#E69F00"), Color.FromHex("#F3C97A")];

    /// <summary>Least positive first.</summary>
    internal static IReadOnlyList<Color> Positive { get; } =
        [Color.FromHex("#A8D8F4"), Color.FromHex("#56B4E9"), Color.FromHex("#0072B2")];

    internal static Color Neutral { get; } = Color.FromHex("#BBBBBB");

    internal static Color Whisker { get; } = Color.FromHex("#333333");

    internal static Color NoData { get; } = Color.FromHex("#EEEEEE");

    public static Color ForSeries(int index) => Series[index % Series.Count];
}
