using System.Globalization;

namespace ReadinessSurvey.Reporting.Excel;

/// <summary>Where reports are written: <c>&lt;reports folder&gt;/&lt;round-slug&gt;/&lt;kind&gt;-&lt;date&gt;.&lt;ext&gt;</c>.</summary>
public static class ReportFileNames
{
    /// <summary>The path relative to the reports folder, with forward slashes.</summary>
    public static string RelativePath(string roundSlug, string kind, DateOnly date, string extension = "xlsx") =>
        $"{WorkbookNames.Slug(roundSlug)}/{WorkbookNames.Slug(kind)}-{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{WorkbookNames.Slug(extension)}";

    /// <summary>The kind used for a council's benchmark workbook, e.g. "council-e07000223".</summary>
    public static string CouncilKind(string councilCode) => "council-" + councilCode;
}
