using ClosedXML.Excel;
using ReadinessSurvey.Reporting.Excel;
using ReadinessSurvey.Reporting.Mapping;

namespace ReadinessSurvey.Tests.Reporting;

public class WorkbookPartsTests
{
    [Fact]
    public async Task SheetWriter_GivesEachCellItsLooks_SharedAndCombined()
    {
        using var output = new MemoryStream();
        using (var workbook = new ReportWorkbook("Styles"))
        {
            var s = workbook.AddSheet("Looks", "Cells with looks");
            s.Heading(1, 1, "Heading", 16);
            s.Header(3, 1, ["Name", "Share", "Count"]);
            for (var row = 4; row <= 6; row++)
            {
                s.Text(row, 1, "Council " + row);
                s.Percent(row, 2, 0.25m * (row - 3));
                s.NumberOrMark(row, 3, row, suppressed: row == 5, SheetWriter.CountFormat, "[c]");
            }

            s.Text(7, 1, "=HYPERLINK(\"http://x\")", bold: true);
            s.Number(8, 2, 1.5m, SheetWriter.ScoreFormat);
            s.Number(8, 2, 0.5m, SheetWriter.PercentFormat);
            await workbook.SaveAsync(output, default);
        }

        output.Position = 0;
        using var read = new XLWorkbook(output);
        var sheet = read.Worksheet("Looks");
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(16, sheet.Cell(1, 1).Style.Font.FontSize);
        Assert.All(sheet.Range(3, 1, 3, 3).Cells(), c => Assert.True(c.Style.Font.Bold));
        Assert.Equal(11, sheet.Cell(3, 1).Style.Font.FontSize);
        Assert.All([4, 5, 6], row => Assert.Equal(SheetWriter.PercentFormat, sheet.Cell(row, 2).Style.NumberFormat.Format));
        Assert.All([4, 5, 6], row => Assert.False(sheet.Cell(row, 1).Style.Font.Bold));
        Assert.Equal(SheetWriter.CountFormat, sheet.Cell(4, 3).Style.NumberFormat.Format);
        Assert.Equal(XLAlignmentHorizontalValues.General, sheet.Cell(4, 3).Style.Alignment.Horizontal);
        Assert.Equal("[c]", sheet.Cell(5, 3).GetString());
        Assert.Equal(XLAlignmentHorizontalValues.Right, sheet.Cell(5, 3).Style.Alignment.Horizontal);
        Assert.Equal(SheetWriter.CountFormat, sheet.Cell(6, 3).Style.NumberFormat.Format);
        Assert.True(sheet.Cell(7, 1).Style.IncludeQuotePrefix);
        Assert.True(sheet.Cell(7, 1).Style.Font.Bold);
        Assert.False(sheet.Cell(7, 1).HasFormula);
        Assert.False(sheet.Cell(4, 1).Style.IncludeQuotePrefix);
        // A cell written twice keeps the later format.
        Assert.Equal(SheetWriter.PercentFormat, sheet.Cell(8, 2).Style.NumberFormat.Format);
    }

    [Fact]
    public void WithDrawing_GoesBeforeTablePartsWithThePrefixOfTheSheet()
    {
        const string xml = """<?xml version="1.0"?><x:worksheet xmlns:x="main"><x:sheetData /><x:headerFooter /><x:tableParts count="1"><x:tablePart r:id="rId1" /></x:tableParts></x:worksheet>""";

        var result = SavedPackage.WithDrawing(xml, "rId9");

        Assert.Contains("<x:headerFooter /><x:drawing ", result, StringComparison.Ordinal);
        Assert.Contains("""r:id="rId9" /><x:tableParts""", result, StringComparison.Ordinal);
    }

    [Fact]
    public void WithHyperlinks_GoBeforePageMarginsAndDrawing_WithTheirTextEscaped()
    {
        const string xml = """<x:worksheet xmlns:x="main"><x:sheetData /><x:pageMargins left="0.7" /><x:drawing r:id="rId1" /></x:worksheet>""";

        var result = SavedPackage.WithHyperlinks(xml, [new SheetLink("Contents", 4, 1, "'Tom''s & co'!A1", "Tom's & co <1>"), new SheetLink("Contents", 5, 28, "'B'!A1", "B")]);

        Assert.Contains("""<x:sheetData /><x:hyperlinks><x:hyperlink ref="A4" location="&apos;Tom&apos;&apos;s &amp; co&apos;!A1" display="Tom&apos;s &amp; co &lt;1&gt;" />""", result, StringComparison.Ordinal);
        Assert.Contains("""<x:hyperlink ref="AB5" location="&apos;B&apos;!A1" display="B" /></x:hyperlinks><x:pageMargins""", result, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => SavedPackage.WithHyperlinks(result, [new SheetLink("Contents", 6, 1, "'C'!A1", "C")]));
    }

    [Fact]
    public async Task ReportWorkbook_ContentsLinks_AreSavedWithoutClosedXmlThrowingInside()
    {
        var thread = Environment.CurrentManagedThreadId;
        var missingMethods = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is MissingMethodException && Environment.CurrentManagedThreadId == thread)
            {
                Interlocked.Increment(ref missingMethods);
            }
        }

        using var output = new MemoryStream();
        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            using var workbook = new ReportWorkbook("Links");
            workbook.AddSheet("Tom's sheet", "An apostrophe in the name").Text(1, 1, "x");
            workbook.AddSheet("Other", "Another").Text(1, 1, "y");
            await workbook.SaveAsync(output, default);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        output.Position = 0;
        using var read = new XLWorkbook(output);
        var contents = read.Worksheet("Contents");
        Assert.Equal(0, missingMethods);
        Assert.Equal("Tom's sheet", contents.Cell(4, 1).GetString());
        Assert.Equal("'Tom''s sheet'!A1", contents.Cell(4, 1).Hyperlink.InternalAddress);
        Assert.Equal("'Other'!A1", contents.Cell(5, 1).Hyperlink.InternalAddress);
        Assert.False(contents.Cell(4, 2).HasHyperlink);
    }

    [Fact]
    public void WithDrawing_NoLaterElements_GoesBeforeTheEnd()
    {
        var result = SavedPackage.WithDrawing("<worksheet><sheetData /></worksheet>", "rId2");

        Assert.EndsWith("""r:id="rId2" /></worksheet>""", result, StringComparison.Ordinal);
    }
}
