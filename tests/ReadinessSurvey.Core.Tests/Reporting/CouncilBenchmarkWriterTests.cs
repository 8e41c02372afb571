using ReadinessSurvey.Reporting.Writers;

namespace ReadinessSurvey.Tests.Reporting;

[Trait("Category", LibreOffice.Trait)]
public class CouncilBenchmarkWriterTests
{
    [Fact]
    public async Task WriteAsync_ScoresAnswersAndGuidance_ReadBackByLibreOffice()
    {
        using var folder = new OutputFolder();
        var path = folder.File("council.xlsx");
        await using (var file = File.Create(path))
        {
            await new CouncilBenchmarkWriter().WriteAsync(ReportModelBuilder.Benchmark(), file);
        }

        var sheets = LibreOffice.SheetsAsCsv(path);

        // The scores table comes first; the chart's data table below it repeats the dimension names.
        var adoption = sheets["Scores"].First(r => r[0] == "Adoption");
        Assert.Equal(62.5m, SectorWorkbookWriterTests.Num(adoption[1]));
        Assert.Equal(42, SectorWorkbookWriterTests.Num(adoption[2]));
        Assert.Equal(60m, SectorWorkbookWriterTests.Num(adoption[3]));
        Assert.Equal("[c]", adoption[7]);
        var approved = sheets["Answers"].Single(r => r[3] == "Approved");
        Assert.Equal("Yes", approved[4]);
        Assert.Equal(32m / 42, Math.Round(SectorWorkbookWriterTests.Num(approved[5]), 10), 6);
        Assert.Equal("[c]", approved[7]);
        Assert.Contains(sheets["Guidance"], r => r[0] == "Governance" && r[3].StartsWith("Agree an acceptable-use policy", StringComparison.Ordinal));
        var all = string.Join("\n", sheets.Values.SelectMany(s => s).Select(r => string.Join(",", r)));
        Assert.DoesNotContain("13.37", all, StringComparison.Ordinal);

        using var package = new Package(path);
        Assert.Equal(1, package.ImageCount("Scores"));
        Assert.Contains(package.AltTexts("Scores"), a => a.StartsWith("Hartlepool: scores against peers", StringComparison.Ordinal));
        Assert.Equal(0, package.FormulaCount);
        Assert.Empty(package.ValidationErrors);
    }
}
