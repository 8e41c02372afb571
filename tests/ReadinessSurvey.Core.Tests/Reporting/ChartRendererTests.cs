using System.Buffers.Binary;
using System.Xml.Linq;
using ReadinessSurvey.Reporting.Charts;

namespace ReadinessSurvey.Tests.Reporting;

public class ChartRendererTests
{
    private static readonly byte[] _pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static TheoryData<string> ChartKinds => ["maturity", "byType", "dimensions", "heatmap", "response", "likert", "profile"];

    private static ChartImage Make(string kind, ChartSize size)
    {
        var model = ReportModelBuilder.Sector();
        var dims = model.About.Dimensions;
        return kind switch
        {
            "maturity" => ReportCharts.MaturityDistribution(model.MaturityDistribution, hideSuppressed: true, size: size),
            "byType" => ReportCharts.ScoreByGroup(model.DimensionSummaries, "overall", "Region", hideSuppressed: true, size),
            "dimensions" => ReportCharts.DimensionsByGroup(model.DimensionSummaries, dims, "Region", hideSuppressed: true, size),
            "heatmap" => ReportCharts.HeatMap(model.DimensionSummaries, dims, "Region", hideSuppressed: true, size),
            "response" => ReportCharts.ResponseRates(model.ResponseRates, "Region", size),
            "likert" => ReportCharts.Likert(ReportModelBuilder.LikertTable(), hideSuppressed: true, ["All councils", "Region"], size),
            _ => ReportCharts.CouncilProfile(ReportModelBuilder.Benchmark(), size),
        };
    }

    [Theory]
    [MemberData(nameof(ChartKinds))]
    public void Render_Png_HasSignatureRequestedWidthAndTheHeightItsRowsNeed(string kind)
    {
        // Charts listing rows down the page (horizontal bars, heat maps, agreement scales) size their own
        // height from the rows, so labels are never squeezed; upright bars keep at least the height asked for.
        var chart = Make(kind, new ChartSize(640, 400));

        Assert.Equal(_pngSignature, chart.Png[..8]);
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(chart.Png.AsSpan(16, 4)));
        Assert.Equal(chart.Height, BinaryPrimitives.ReadInt32BigEndian(chart.Png.AsSpan(20, 4)));
        Assert.InRange(chart.Height, 150, 2000);
    }

    [Theory]
    [MemberData(nameof(ChartKinds))]
    public void Render_Svg_IsXmlWithTitleAndBase(string kind)
    {
        var chart = Make(kind, ChartSize.Default);

        var text = string.Concat(XDocument.Parse(chart.Svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value + "\n"));
        Assert.Contains(Words(chart.Title)[0], text, StringComparison.Ordinal);
        Assert.Contains("n = ", text, StringComparison.Ordinal);
        Assert.NotEmpty(chart.Table.Rows);
    }

    [Theory]
    [MemberData(nameof(ChartKinds))]
    public void Render_SuppressedValue_IsNotDrawnOrTabulated(string kind)
    {
        var chart = Make(kind, ChartSize.Default);

        Assert.DoesNotContain("13.37", chart.Svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">13<", chart.Svg, StringComparison.Ordinal);
        Assert.DoesNotContain(chart.Table.Rows.SelectMany(r => r), v => v.StartsWith("13.3", StringComparison.Ordinal));
    }

    [Fact]
    public void Bars_SuppressedPoint_ShowsMarkAndNote()
    {
        var chart = ReportCharts.MaturityDistribution(ReportModelBuilder.Sector().MaturityDistribution, hideSuppressed: true);

        Assert.Contains("[c]", chart.Svg, StringComparison.Ordinal);
        Assert.Contains(chart.Table.Rows, r => r[0] == "5 Leading" && r[2] == "[c]");
        Assert.Contains(chart.Table.Rows, r => r[0] == "3 Developing" && r[2] == "60");
    }

    [Fact]
    public void HeatMap_EveryCellWithheld_RendersMarksInsteadOfThrowing()
    {
        // A small round's published view can withhold every region's scores; publishing must still work.
        var rows = ReportModelBuilder.Sector().DimensionSummaries.Select(r => r with { Suppressed = true }).ToList();

        var chart = ReportCharts.HeatMap(rows, ReportModelBuilder.Sector().About.Dimensions, "Region", hideSuppressed: true);

        Assert.Equal(_pngSignature, chart.Png[..8]);
        Assert.Contains("[c]", chart.Svg, StringComparison.Ordinal);
        Assert.All(chart.Table.Rows, r => Assert.Contains("[c]", r));
    }

    [Fact]
    public void Bars_Internal_ShowsSmallValue()
    {
        var chart = ReportCharts.MaturityDistribution(ReportModelBuilder.Sector().MaturityDistribution, hideSuppressed: false);

        Assert.Contains(chart.Table.Rows, r => r[0] == "5 Leading" && r[2] == "2");
    }

    private static string[] Words(string title) => title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
