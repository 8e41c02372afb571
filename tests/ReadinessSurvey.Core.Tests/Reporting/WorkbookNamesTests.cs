using ReadinessSurvey.Reporting.Excel;

namespace ReadinessSurvey.Tests.Reporting;

public class WorkbookNamesTests
{
    [Theory]
    [InlineData("Governance, ethics and risk", "Governance, ethics and risk")]
    [InlineData("Use [and] value: 2025/26?*\\", "Use and value 2025 26")]
    [InlineData("'Quoted'", "Quoted")]
    [InlineData("", "Sheet")]
    [InlineData("History", "History sheet")]
    [InlineData("A very long section title that goes past the limit", "A very long section title that")]
    public void Sheet_CleansName(string name, string expected)
    {
        var cleaned = WorkbookNames.Sheet(name, new HashSet<string>());

        Assert.Equal(expected, cleaned);
        Assert.True(cleaned.Length <= 31);
    }

    [Fact]
    public void Sheet_Clash_GetsNumberWithinLimit()
    {
        var used = new HashSet<string>();
        var first = WorkbookNames.Sheet("A very long section title that goes past the limit", used);
        var second = WorkbookNames.Sheet("A VERY long section title that goes past the limit", used);

        Assert.NotEqual(first, second, StringComparer.OrdinalIgnoreCase);
        Assert.EndsWith(" (2)", second, StringComparison.Ordinal);
        Assert.True(second.Length <= 31);
    }

    [Theory]
    [InlineData("report: 2025/26 <final>.xlsx", "report- 2025-26 -final-.xlsx")]
    [InlineData("CON", "report-CON")]
    [InlineData("../../etc/passwd", "-..-etc-passwd")]
    public void File_RemovesUnsafeCharacters(string name, string expected) =>
        Assert.Equal(expected, WorkbookNames.File(name));

    [Fact]
    public void ReportFileNames_RelativePath_UsesSlugKindAndDate() =>
        Assert.Equal(
            "spring-2025-wales/council-e07000223-2025-03-01.xlsx",
            ReportFileNames.RelativePath("Spring 2025 (Wáles)", ReportFileNames.CouncilKind("E07000223"), new DateOnly(2025, 3, 1)));

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+44 20", true)]
    [InlineData("-2", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\tx", true)]
    [InlineData("\rx", true)]
    [InlineData("Plain text", false)]
    [InlineData("", false)]
    public void SafeText_LooksLikeFormula(string text, bool expected) =>
        Assert.Equal(expected, SafeText.LooksLikeFormula(text));

    [Fact]
    public void SafeText_ForCell_DropsCharactersXmlCannotHold() =>
        Assert.Equal("ab\nc", SafeText.ForCell("a\u0001b\r\nc\uFFFF"));
}
