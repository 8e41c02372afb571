using System.Globalization;
using System.Text.RegularExpressions;
using ReadinessSurvey.Reporting.Writers;

namespace ReadinessSurvey.Tests.Reporting;

/// <summary>Both sector workbooks, written once and read back with LibreOffice and the OpenXML SDK.</summary>
public sealed class SectorWorkbookFixture : IDisposable
{
    public SectorWorkbookFixture()
    {
        InternalPath = Folder.File("sector-internal.xlsx");
        PublishedPath = Folder.File("sector-published.xlsx");
        Write(SectorWorkbookWriter.Internal, InternalPath);
        Write(SectorWorkbookWriter.Published, PublishedPath);
        var read = LibreOffice.SheetsAsCsv([InternalPath, PublishedPath]);
        (Internal, Published) = (read[0], read[1]);
    }

    public OutputFolder Folder { get; } = new();

    public string InternalPath { get; }

    public string PublishedPath { get; }

    public Dictionary<string, List<string[]>> Internal { get; }

    public Dictionary<string, List<string[]>> Published { get; }

    private static void Write(SectorWorkbookWriter writer, string path)
    {
        using var file = File.Create(path);
        writer.WriteAsync(ReportModelBuilder.Sector(), file).GetAwaiter().GetResult();
    }

    public void Dispose() => Folder.Dispose();
}

[Trait("Category", LibreOffice.Trait)]
public class SectorWorkbookWriterTests(SectorWorkbookFixture fixture) : IClassFixture<SectorWorkbookFixture>
{
    private static string[] Row(List<string[]> sheet, params string[] leading) =>
        sheet.Single(r => leading.Select((v, i) => i < r.Length && r[i] == v).All(x => x));

    /// <summary>A number as LibreOffice writes it raw (percentages keep their % sign).</summary>
    internal static decimal Num(string text) => text.EndsWith('%')
        ? decimal.Parse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture) / 100
        : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public void Internal_HasExpectedSheets()
    {
        Assert.Equal(
            ["Contents", "About", "Response rates", "Readiness overview", "Strategy and leadership", "Governance, ethics and risk", "Council scores", "Free text"],
            new Package(fixture.InternalPath).SheetNames);
    }

    [Fact]
    public void Internal_ResponseRates_MatchModel()
    {
        var row = Row(fixture.Internal["Response rates"], "Council type", "Unitary authority");

        Assert.Equal(60, Num(row[2]));
        Assert.Equal(42, Num(row[3]));
        Assert.Equal(0.7m, Math.Round(Num(row[4]), 4));
    }

    [Fact]
    public void Internal_DimensionSummary_MatchesModelIncludingSmallGroups()
    {
        var sheet = fixture.Internal["Readiness overview"];
        var london = Row(sheet, "Adoption", "Region", "London");
        var northEast = Row(sheet, "Overall", "Region", "North East");

        Assert.Equal(20, Num(london[3]));
        Assert.Equal(69.5m, Num(london[5]));
        Assert.Equal(59.5m, Num(london[6]));
        Assert.Equal(ReportModelBuilder.SuppressedMedian, Num(northEast[5]));
        Assert.Equal(ReportModelBuilder.SuppressedMedian - 30, Num(northEast[8]));
    }

    [Fact]
    public void Internal_QuestionTable_CountsPercentagesAndBase()
    {
        var sheet = fixture.Internal["Strategy and leadership"];
        var agree = Row(sheet, "Agree");
        var baseRow = Row(sheet, "Base: councils answering");

        Assert.Equal(50, Num(agree[1]));
        Assert.Equal(Math.Round(50m / 142, 6), Math.Round(Num(agree[2]), 6));
        Assert.Equal(14, Num(agree[3]));
        Assert.Equal(142, Num(baseRow[1]));
        Assert.Equal(42, Num(baseRow[3]));
        Assert.Equal(3, Num(baseRow[9]));
    }

    [Fact]
    public void Internal_CouncilScoresAndFreeText_ArePresent()
    {
        var scores = Row(fixture.Internal["Council scores"], "E06000002");
        Assert.Equal("Middlesbrough", scores[1]);
        Assert.Equal(71.25m, Num(scores[4]));
        Assert.Equal("Insufficient data", Row(fixture.Internal["Council scores"], "E06000001")[8]);
    }

    [Fact]
    public void Internal_HostileText_StaysLiteralText()
    {
        using var package = new Package(fixture.InternalPath);
        Assert.Equal(0, package.FormulaCount);

        var strings = package.Cells("Free text").Where(c => c.IsString).Select(c => c.Text).ToList();
        var csv = fixture.Internal["Free text"].Select(r => r[4]).ToList();
        foreach (var hostile in ReportModelBuilder.HostileTexts)
        {
            // A bare CR is written as LF, Excel's line break: XML readers would turn it into one anyway.
            var expected = hostile.Replace("\r", "\n", StringComparison.Ordinal);
            Assert.Contains(expected, strings);
            Assert.Contains(expected, csv);
        }
    }

    [Fact]
    public void Internal_ChartsAreEmbeddedWithAltText()
    {
        using var package = new Package(fixture.InternalPath);

        Assert.Equal(2, package.ImageCount("Response rates"));
        Assert.Equal(5, package.ImageCount("Readiness overview"));
        Assert.Equal(1, package.ImageCount("Strategy and leadership"));
        Assert.Equal(0, package.ImageCount("Governance, ethics and risk"));
        Assert.Contains(package.AltTexts("Readiness overview"), a => a.StartsWith("Councils by maturity level", StringComparison.Ordinal));
    }

    [Fact]
    public void BothVersions_PassOpenXmlSchemaValidation()
    {
        foreach (var path in new[] { fixture.InternalPath, fixture.PublishedPath })
        {
            using var package = new Package(path);
            Assert.Empty(package.ValidationErrors);
        }
    }

    [Fact]
    public void Internal_ContentsLinksToEverySheet()
    {
        using var package = new Package(fixture.InternalPath);
        var links = package.Sheet("Contents").Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Hyperlink>()
            .Select(h => h.Location?.Value).ToList();

        foreach (var sheet in package.SheetNames.Skip(1))
        {
            Assert.Contains($"'{sheet}'!A1", links);
        }
    }

    [Fact]
    public void Published_percentage_over_a_withheld_base_is_withheld_and_one_over_no_councils_is_marked_not_applicable()
    {
        var overview = fixture.Published["Readiness overview"];

        Assert.Equal(["0", "[c]", "[c]"], Row(overview, "Tier", "Upper tier (county councils)", "1")[4..7]);
        Assert.Equal(["0", "[z]", "0"], Row(overview, "Region", "Yorkshire and The Humber", "1")[4..7]);
        Assert.Contains("[z]", overview[1][0], StringComparison.Ordinal);
        Assert.Contains("[c]", overview[1][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Published_LeavesOutCouncilSheetsAndMinMax()
    {
        using var package = new Package(fixture.PublishedPath);

        Assert.DoesNotContain("Council scores", package.SheetNames);
        Assert.DoesNotContain("Free text", package.SheetNames);
        Assert.DoesNotContain(fixture.Published["Readiness overview"], r => r.Contains("Minimum"));
    }

    [Fact]
    public void Published_SuppressedCells_ShowMarkNotValue()
    {
        var overview = fixture.Published["Readiness overview"];
        var northEast = Row(overview, "Overall", "Region", "North East");
        var leading = Row(overview, "All councils", "All councils", "5");
        var agree = Row(fixture.Published["Strategy and leadership"], "Agree");

        Assert.Equal("[c]", northEast[5]);
        Assert.Equal("[c]", leading[4]);
        Assert.Equal("[c]", agree[9]);
        Assert.Equal(50, Num(agree[1]));
        var all = string.Join("\n", fixture.Published.Values.SelectMany(s => s).Select(r => string.Join(",", r)));
        Assert.DoesNotContain("13.37", all, StringComparison.Ordinal);
        Assert.Contains("[c] means the figure is suppressed", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Published_NamesNoCouncilFromTheRegister()
    {
        var names = Csv.Parse(File.ReadAllText(TestSupport.Repository.File("src", "ReadinessSurvey.Core", "Councils", "Register", "councils.csv")));
        var column = Array.IndexOf(names[0], "name");
        var councilNames = names.Skip(1).Select(r => r[column]).Where(n => n.Length > 0).ToList();
        Assert.True(councilNames.Count > 300);

        using var package = new Package(fixture.PublishedPath);
        var texts = fixture.Published.Values.SelectMany(s => s).SelectMany(r => r)
            .Concat(package.SheetNames.SelectMany(s => package.Cells(s).Select(c => c.Text)))
            .Concat(package.SheetNames.SelectMany(package.AltTexts))
            .ToList();
        foreach (var name in councilNames)
        {
            var pattern = new Regex(@"(?<![\p{L}])" + Regex.Escape(name) + @"(?![\p{L}])", RegexOptions.CultureInvariant);
            Assert.DoesNotContain(texts, t => pattern.IsMatch(t));
        }
    }

    [Fact]
    public void Published_HostileOptionLabel_StaysText()
    {
        using var package = new Package(fixture.PublishedPath);

        Assert.Equal(0, package.FormulaCount);
        Assert.Contains(fixture.Published["Governance, ethics and risk"], r => r[0] == ReportModelBuilder.HostileTexts[0]);
    }
}
