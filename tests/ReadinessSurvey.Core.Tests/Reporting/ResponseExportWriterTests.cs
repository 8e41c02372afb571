using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Reporting.Writers;

namespace ReadinessSurvey.Tests.Reporting;

[Trait("Category", LibreOffice.Trait)]
public class ResponseExportWriterTests
{
    [Fact]
    public async Task Csv_RoundTrip_KeepsValuesAndQuotes()
    {
        var rows = await WriteCsvAsync(ReportModelBuilder.ExportRows());

        var header = rows[0];
        var first = rows[1];
        Assert.Equal("B2_generative", header[Array.IndexOf(header, "B2_perceptive") + 1]);
        Assert.Equal("live", first[Array.IndexOf(header, "B1")]);
        Assert.Equal("0", first[Array.IndexOf(header, "B2_perceptive")]);
        Assert.Equal("1", first[Array.IndexOf(header, "B2_generative")]);
        Assert.Equal("1234.5", first[Array.IndexOf(header, "A3")]);
        Assert.Equal("Comma, \"quotes\"\nand a new line", first[Array.IndexOf(header, "I4")]);
        Assert.Equal("2025-02-01 10:00:00", first[Array.IndexOf(header, "submitted_at")]);
    }

    [Fact]
    public async Task Csv_HostileText_IsPrefixedAndNumbersAreNot()
    {
        var rows = await WriteCsvAsync(ReportModelBuilder.ExportRows());

        var comments = rows.Skip(2).Select(r => r[Array.IndexOf(rows[0], "I4")]).ToList();
        foreach (var (hostile, written) in ReportModelBuilder.HostileTexts.Zip(comments))
        {
            Assert.Equal("'" + hostile.Replace("\r", "\n", StringComparison.Ordinal), written);
        }

        Assert.Equal("'" + ReportModelBuilder.HostileTexts[0], rows[1][Array.IndexOf(rows[0], "B2_other")]);
        Assert.All(rows.Skip(2), r => Assert.Equal("-2", r[Array.IndexOf(rows[0], "A3")]));
    }

    [Fact]
    public async Task Xlsx_ReadBackByLibreOffice_NumbersAreNumbersAndTextStaysText()
    {
        using var folder = new OutputFolder();
        var path = folder.File("responses.xlsx");
        await using (var file = File.Create(path))
        {
            await new ResponseExportWriter(ExportFormat.Xlsx).WriteAsync(ReportModelBuilder.Export(ReportModelBuilder.ExportRows()), file);
        }

        var sheets = LibreOffice.SheetsAsCsv(path);
        var rows = sheets["Responses"];
        var header = rows[0];
        Assert.Equal(1234.5m, SectorWorkbookWriterTests.Num(rows[1][Array.IndexOf(header, "A3")]));
        Assert.Equal("1", rows[1][Array.IndexOf(header, "B2_generative")]);
        var comments = rows.Skip(2).Select(r => r[Array.IndexOf(header, "I4")]).ToList();
        Assert.Equal(ReportModelBuilder.HostileTexts.Select(h => h.Replace("\r", "\n", StringComparison.Ordinal)), comments);
        Assert.Contains(sheets["Codebook"], r => r[0] == "B1" && r[6] == "live" && r[7] == "Live in some services" && r[8] == "3");
        Assert.Contains(sheets["Codebook"], r => r[0] == "B2_other");

        using var package = new Package(path);
        Assert.Equal(0, package.FormulaCount);
        Assert.Empty(package.ValidationErrors);
        var cells = package.Cells("Responses").ToList();
        // Numbers stay numbers: overall score, level, two 0/1 option columns and headcount in the first
        // return, then headcount (-2) in each of the six others. Everything else is a string cell.
        Assert.Equal(11, cells.Count(c => !c.IsString && c.Text.Length > 0));
        Assert.Equal(6, cells.Count(c => !c.IsString && c.Text == "-2"));
        foreach (var hostile in ReportModelBuilder.HostileTexts)
        {
            Assert.Contains(cells, c => c.IsString && c.Text == hostile.Replace("\r", "\n", StringComparison.Ordinal));
        }
    }

    private static async Task<List<string[]>> WriteCsvAsync(IEnumerable<ExportRow> rows)
    {
        using var stream = new MemoryStream();
        await new ResponseExportWriter(ExportFormat.Csv).WriteAsync(ReportModelBuilder.Export(rows), stream);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("\uFEFF", text, StringComparison.Ordinal);
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        return Csv.Parse(text[1..]);
    }
}
