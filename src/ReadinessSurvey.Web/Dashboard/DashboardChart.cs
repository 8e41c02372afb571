using System.Globalization;
using System.Text;
using ReadinessSurvey.Reporting.Charts;

namespace ReadinessSurvey.Web.Dashboard;

/// <summary>
/// A chart as a page shows it: ScottPlot's SVG in an img (a data: address, which the CSP allows, so
/// the SVG's own styles need no exception), its accessible name, and its data as a table beneath.
/// </summary>
public sealed record DashboardChart(string Title, string AltText, string ImageSource, int Width, int Height, ChartTable Table)
{
    /// <summary>The chart from the reporting module's builders; <paramref name="table"/> replaces its own data table when the page lays the same data out better.</summary>
    public static DashboardChart From(ChartImage image, ChartTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var source = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(image.Svg));
        return new DashboardChart(image.Title, image.AltText, source, image.Width, image.Height, table ?? image.Table);
    }
}

/// <summary>Numbers as the dashboard and its tables write them (invariant, so the workbook reads them back as numbers).</summary>
public static class Figures
{
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    public static string Number(double? value, string format = "0.#") => value?.ToString(format, _invariant) ?? "";

    public static string Number(decimal? value, string format = "0.#") => value?.ToString(format, _invariant) ?? "";

    public static string Count(int? value) => value?.ToString(_invariant) ?? "";

    /// <summary>A share of a base as a percentage with one decimal place; empty when the base is 0.</summary>
    public static string Percent(int? count, int? total) =>
        count is { } c && total is > 0 ? (100.0 * c / total.Value).ToString("0.#", _invariant) : "";

    /// <summary>A 0-1 share as a percentage with one decimal place.</summary>
    public static string Percent(decimal? share) => share is { } s ? (s * 100).ToString("0.#", _invariant) : "";
}
