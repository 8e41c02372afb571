using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ReadinessSurvey.Accounts;

namespace ReadinessSurvey.Tests.Web.Dashboard;

/// <summary>
/// The charts as the dashboard pages embed them: SVG (vector, so legible at any zoom) with alt text that
/// states a finding, read back out of the page for the thirty-council round.
/// </summary>
public sealed partial class DashboardChartTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task The_dimensions_page_embeds_vector_charts_with_n_a_0_to_100_axis_and_a_heat_map_of_cells()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        var charts = Charts(await analyst.GetPageAsync($"/admin/dashboard/{fixture.RoundId}/dimensions"));

        Assert.Equal(4, charts.Count);
        Assert.All(charts, c =>
        {
            Assert.DoesNotContain(c.Svg.Descendants(), e => e.Name.LocalName == "image"); // no bitmap to blur when zoomed
            Assert.Contains(Texts(c.Svg), t => NRegex().IsMatch(t));
            Assert.Matches(@"\d", c.Alt[c.Alt.IndexOf('.', StringComparison.Ordinal)..]);
        });
        var scores = charts[0];
        Assert.Contains("100", Texts(scores.Svg));
        Assert.DoesNotContain("110", Texts(scores.Svg));
        var heatMap = charts.Single(c => c.Alt.StartsWith("Median dimension score by region", StringComparison.Ordinal));
        Assert.True(heatMap.Svg.Descendants().Count(e => e.Name.LocalName == "rect" && e.Attribute("fill")?.Value is { } f && f.StartsWith('#')) >= 7 * 2,
            "the heat map's cells are rectangles");
    }

    [Fact]
    public async Task A_question_page_charts_shares_to_exactly_100_percent_with_the_most_common_answer_in_the_alt_text()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        var chart = Charts(await analyst.GetPageAsync($"/admin/dashboard/{fixture.RoundId}/questions/B1")).Single();

        var ticks = Texts(chart.Svg).Select(t => t.TrimEnd('%')).Where(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _)).Select(int.Parse).ToList();
        Assert.Equal(100, ticks.Max());
        Assert.Contains("The most common answer among all councils is", chart.Alt, StringComparison.Ordinal);
        Assert.Contains(Texts(chart.Svg), t => t.StartsWith("All councils", StringComparison.Ordinal));
        Assert.Contains(Texts(chart.Svg), t => NRegex().IsMatch(t));
    }

    private static List<string> Texts(XDocument svg) =>
        [.. svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim())];

    /// <summary>Each chart image on the page: its decoded SVG and its alt text.</summary>
    private static List<(XDocument Svg, string Alt)> Charts(string page) =>
        [.. ChartRegex().Matches(page).Select(m => (
            XDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value))),
            WebUtility.HtmlDecode(m.Groups[2].Value)))];

    [GeneratedRegex("<img class=\"app-chart\" src=\"data:image/svg\\+xml;base64,([^\"]+)\" alt=\"([^\"]*)\"")]
    private static partial Regex ChartRegex();

    [GeneratedRegex(@"n = \d|n withheld")]
    private static partial Regex NRegex();
}
