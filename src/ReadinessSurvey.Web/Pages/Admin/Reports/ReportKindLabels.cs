using ReadinessSurvey.Reporting;

namespace ReadinessSurvey.Web.Pages.Admin.Reports;

/// <summary>How each kind of report is named and described on the pages.</summary>
public static class ReportKindLabels
{
    public static IReadOnlyList<(string Kind, string Label, string Hint)> All { get; } =
    [
        (ReportKinds.Sector, "Sector workbook (internal)", "Every figure, with council scores and free-text answers. For the policy team only."),
        (ReportKinds.Published, "Published sector workbook", "Small numbers withheld and no council named. This is what publishing releases."),
        (ReportKinds.Council, "One council's benchmark workbook", "Enter the council's code, for example E07000223."),
        (ReportKinds.Councils, "Every council's benchmark workbook", "Downloaded as one zip file."),
        (ReportKinds.Export, "Response data export", "One row per return, as Excel and CSV with a codebook, in one zip file."),
    ];

    public static string Of(string kind, string? councilCode = null) =>
        (All.FirstOrDefault(k => k.Kind == kind).Label ?? kind) + (councilCode is null ? "" : $" ({councilCode})");
}
