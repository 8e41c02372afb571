using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Reporting.Excel;
using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Reporting.Writers;

/// <summary>
/// What one dashboard view shows, as tables: the download of a view that has no workbook of its own
/// in the reporting module (a filtered question, the dimensions, one council's scores...).
/// </summary>
/// <param name="About">The round, survey and data date, as in every workbook.</param>
/// <param name="View">The view's name, e.g. "Question B5".</param>
/// <param name="Filters">The filters the view was shown with, in words; null when none.</param>
/// <param name="Tables">The view's tables in page order; each becomes a sheet.</param>
public sealed record DashboardWorkbookModel(ReportAbout About, string View, string? Filters, IReadOnlyList<ChartTable> Tables);

/// <summary>
/// Writes a small internal workbook of a dashboard view's tables: an About sheet, then one sheet per
/// table as a real Excel table (numbers as numbers). Internal figures: small numbers are not withheld.
/// </summary>
public static class DashboardWorkbookWriter
{
    public static async Task WriteAsync(DashboardWorkbookModel model, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new ReportWorkbook($"{model.About.Title}: {model.View} (internal)");
        var note = model.Filters is null ? $"Dashboard view: {model.View}." : $"Dashboard view: {model.View}, {model.Filters}.";
        AboutSheet.Write(workbook, model.About, AboutSheet.InternalVersion, showSuppressionNote: false, note);
        foreach (var table in model.Tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sheet = workbook.AddSheet(table.Title, table.Title);
            workbook.WriteChartTable(sheet, 1, 1, table);
            sheet.FreezeHeader(2);
            sheet.PrintLandscape();
        }

        await workbook.SaveAsync(output, cancellationToken);
    }
}
