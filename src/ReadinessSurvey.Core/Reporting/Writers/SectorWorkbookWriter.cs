using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Reporting.Excel;
using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Reporting.Writers;

/// <summary>
/// Writes the sector workbook. The internal version shows every figure, council scores and free text;
/// the published version shows suppressed cells as [c] with a footnote, drops min and max (each is one
/// council's score) and leaves out every sheet that names a council.
/// </summary>
public sealed class SectorWorkbookWriter(bool published)
{
    public static SectorWorkbookWriter Internal { get; } = new(false);

    public static SectorWorkbookWriter Published { get; } = new(true);

    public bool IsPublished { get; } = published;

    /// <summary>The report kind used in file names.</summary>
    public string Kind => IsPublished ? "sector-published" : "sector-internal";

    public async Task WriteAsync(SectorReportModel model, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var title = model.About.Title + (IsPublished ? "" : " (internal)");
        // About 20 charts: drawn on the other processor while this one writes the cells.
        using var workbook = new ReportWorkbook(title, drawChartsAlongside: true);
        AboutSheet.Write(workbook, model.About, IsPublished ? AboutSheet.PublishedVersion : AboutSheet.InternalVersion, IsPublished);
        WriteResponseRates(workbook, model);
        WriteOverview(workbook, model);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var section in model.QuestionTables.GroupBy(q => (q.SectionId, q.SectionTitle)))
        {
            QuestionSheet.Write(workbook, section.Key.SectionTitle, section.ToList(), IsPublished, model.About.SuppressionThreshold);
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (model.NumberSummaries.Count > 0)
        {
            WriteNumbers(workbook, model);
        }

        if (!IsPublished)
        {
            WriteCouncilScores(workbook, model);
            WriteFreeText(workbook, model);
        }

        await workbook.SaveAsync(output, cancellationToken);
    }

    private bool Hide(bool suppressed) => IsPublished && suppressed;

    private void WriteResponseRates(ReportWorkbook workbook, SectorReportModel model)
    {
        var s = workbook.AddSheet("Response rates", "How many of the councils in the register responded, by council type, region and tier");
        s.Heading(1, 1, "Response rates");
        s.Header(3, 1, ["Group kind", "Group", "Councils in the register", "Councils responding", "Response rate"]);
        var r = 3;
        foreach (var row in model.ResponseRates)
        {
            r++;
            s.Text(r, 1, row.GroupKind);
            s.Text(r, 2, row.Group);
            s.Number(r, 3, row.Eligible);
            s.NumberOrMark(r, 4, row.Responded, Hide(row.Suppressed), SheetWriter.CountFormat, ChartRenderer.SuppressedMark);
            s.NumberOrMark(r, 5, row.Rate, Hide(row.Suppressed), SheetWriter.PercentFormat, ChartRenderer.SuppressedMark);
        }

        if (r > 3)
        {
            s.Table(3, 1, r, 5, workbook.TableName("Response rates"));
        }

        s.FreezeHeader(3);
        s.PrintLandscape();
        var chartRow = 3;
        foreach (var kind in new[] { GroupKinds.CouncilType, GroupKinds.Region })
        {
            if (model.ResponseRates.Any(x => x.GroupKind == kind))
            {
                chartRow = workbook.PlaceChart(s, chartRow, 7, ReportCharts.ResponseRates(model.ResponseRates, kind, threshold: model.About.SuppressionThreshold));
            }
        }
    }

    private void WriteOverview(ReportWorkbook workbook, SectorReportModel model)
    {
        var s = workbook.AddSheet("Readiness overview", "Dimension scores and maturity levels by council type, region and tier");
        s.Heading(1, 1, "Readiness overview");
        s.Note(2, 1, (IsPublished ? AboutSheet.SuppressionFootnote : "Scores run from 0 to 100. Internal version: small groups are shown.") + " " + AboutSheet.NotApplicableFootnote);
        var headers = new List<string> { "Dimension", "Group kind", "Group", "Councils (n)", "Mean", "Median", "Lower quartile", "Upper quartile" };
        if (!IsPublished)
        {
            headers.AddRange(["Minimum", "Maximum"]);
        }

        s.Header(3, 1, headers);
        var r = 3;
        foreach (var row in model.DimensionSummaries)
        {
            r++;
            var hide = Hide(row.Suppressed);
            s.Text(r, 1, row.Dimension);
            s.Text(r, 2, row.GroupKind);
            s.Text(r, 3, row.Group);
            Statistics(s, r, 4, hide, SheetWriter.ScoreFormat, row.N, [row.Mean, row.Median, row.LowerQuartile, row.UpperQuartile], row.Min, row.Max);
        }

        if (r > 3)
        {
            s.Table(3, 1, r, headers.Count, workbook.TableName("Dimension scores"));
        }

        r += 3;
        s.Heading(r, 1, "Maturity levels", 12);
        var header = ++r;
        s.Header(header, 1, ["Group kind", "Group", "Level", "Level name", "Councils", "Percent", "Base (n)"]);
        foreach (var row in model.MaturityDistribution)
        {
            r++;
            var hide = Hide(row.Suppressed);
            s.Text(r, 1, row.GroupKind);
            s.Text(r, 2, row.Group);
            s.Number(r, 3, row.Level);
            s.Text(r, 4, row.LevelLabel);
            s.NumberOrMark(r, 5, row.Count, hide, SheetWriter.CountFormat, ChartRenderer.SuppressedMark);
            // A share of a withheld base is withheld too, even when its count (0) is published.
            s.NumberOrMark(r, 6, row.Percent, hide || Hide(row.BaseSuppressed), SheetWriter.PercentFormat, ChartRenderer.SuppressedMark);
            s.NumberOrMark(r, 7, row.Base, Hide(row.BaseSuppressed), SheetWriter.CountFormat, ChartRenderer.SuppressedMark);
        }

        if (r > header)
        {
            s.Table(header, 1, r, 7, workbook.TableName("Maturity levels"));
        }

        s.FreezeHeader(3);
        s.PrintLandscape();

        var chartColumn = headers.Count + 2;
        var chartRow = 3;
        if (model.MaturityDistribution.Count > 0)
        {
            chartRow = workbook.PlaceChart(s, chartRow, chartColumn, ReportCharts.MaturityDistribution(model.MaturityDistribution, IsPublished, threshold: model.About.SuppressionThreshold));
        }

        var dimensions = model.About.Dimensions;
        foreach (var kind in new[] { GroupKinds.CouncilType, GroupKinds.Region })
        {
            if (model.DimensionSummaries.Any(d => d.GroupKind == kind && d.DimensionId == DimensionSummaryRow.OverallId))
            {
                chartRow = workbook.PlaceChart(s, chartRow, chartColumn,
                    ReportCharts.ScoreByGroup(model.DimensionSummaries, DimensionSummaryRow.OverallId, kind, IsPublished, threshold: model.About.SuppressionThreshold));
            }
        }

        if (dimensions.Count > 0 && model.DimensionSummaries.Any(d => d.GroupKind == GroupKinds.CouncilType))
        {
            chartRow = workbook.PlaceChart(s, chartRow, chartColumn,
                ReportCharts.DimensionsByGroup(model.DimensionSummaries, dimensions, GroupKinds.CouncilType, IsPublished, threshold: model.About.SuppressionThreshold));
        }

        if (dimensions.Count > 0 && model.DimensionSummaries.Any(d => d.GroupKind == GroupKinds.Region))
        {
            workbook.PlaceChart(s, chartRow, chartColumn,
                ReportCharts.HeatMap(model.DimensionSummaries, dimensions, GroupKinds.Region, IsPublished, threshold: model.About.SuppressionThreshold));
        }
    }

    /// <summary>n, then the mean, median and quartiles from <paramref name="column"/> on ([c] when hidden); min and max internal only.</summary>
    private void Statistics(SheetWriter s, int r, int column, bool hide, string format, int n, decimal?[] figures, decimal? min, decimal? max)
    {
        s.NumberOrMark(r, column, n, hide, SheetWriter.CountFormat, ChartRenderer.SuppressedMark);
        for (var i = 0; i < figures.Length; i++)
        {
            s.NumberOrMark(r, column + 1 + i, figures[i], hide, format, ChartRenderer.SuppressedMark);
        }

        if (!IsPublished)
        {
            s.Number(r, column + 1 + figures.Length, min, format);
            s.Number(r, column + 2 + figures.Length, max, format);
        }
    }

    private void WriteNumbers(ReportWorkbook workbook, SectorReportModel model)
    {
        var s = workbook.AddSheet("Number questions", "Statistics of the answers to each number question, by council type, region and tier");
        s.Heading(1, 1, "Number questions");
        s.Note(2, 1, (IsPublished ? AboutSheet.SuppressionFootnote + " Minimum and maximum are not published: each is one council's answer. " : "") + NumberSummaryRow.Method);
        var headers = new List<string> { "Question", "Question text", "Group kind", "Group", "Councils answering (n)", "Mean", "Median", "Lower quartile", "Upper quartile" };
        if (!IsPublished)
        {
            headers.AddRange(["Minimum", "Maximum"]);
        }

        s.Header(3, 1, headers);
        var r = 3;
        foreach (var row in model.NumberSummaries)
        {
            r++;
            var hide = Hide(row.Suppressed);
            s.Text(r, 1, row.QuestionId);
            s.Text(r, 2, row.Unit is null ? row.QuestionText : $"{row.QuestionText} ({row.Unit})");
            s.Text(r, 3, row.GroupKind);
            s.Text(r, 4, row.Group);
            Statistics(s, r, 5, hide, SheetWriter.AnswerFormat, row.N, [row.Mean, row.Median, row.LowerQuartile, row.UpperQuartile], row.Min, row.Max);
        }

        if (r > 3)
        {
            s.Table(3, 1, r, headers.Count, workbook.TableName("Number questions"));
        }

        s.FreezeHeader(3, 1);
        s.PrintLandscape();
    }

    private static void WriteCouncilScores(ReportWorkbook workbook, SectorReportModel model)
    {
        var s = workbook.AddSheet("Council scores", "Each council's overall and dimension scores and maturity level (internal only)");
        var dimensions = model.About.Dimensions;
        var headers = new List<string> { "Council code", "Council", "Council type", "Region", "Overall score", "Maturity level", "Level name" };
        headers.AddRange(dimensions.Select(d => d.Label));
        s.Header(1, 1, headers);
        var r = 1;
        foreach (var row in model.CouncilScores)
        {
            r++;
            s.Text(r, 1, row.CouncilCode);
            s.Text(r, 2, row.CouncilName);
            s.Text(r, 3, row.CouncilType);
            s.Text(r, 4, row.Region);
            s.Number(r, 5, row.Overall);
            s.Number(r, 6, row.Level);
            s.Text(r, 7, row.LevelLabel);
            for (var d = 0; d < dimensions.Count; d++)
            {
                if (row.DimensionScores.GetValueOrDefault(dimensions[d].Id) is { } score)
                {
                    s.Number(r, 8 + d, score);
                }
                else
                {
                    s.Text(r, 8 + d, "Insufficient data");
                }
            }
        }

        if (r > 1)
        {
            s.Table(1, 1, r, headers.Count, workbook.TableName("Council scores"));
        }

        s.FreezeHeader(1, 2);
        s.PrintLandscape();
    }

    private static void WriteFreeText(ReportWorkbook workbook, SectorReportModel model)
    {
        var s = workbook.AddSheet("Free text", "Answers typed by councils (internal only)");
        s.Header(1, 1, ["Council code", "Council", "Question", "Question text", "Answer"]);
        var r = 1;
        foreach (var row in model.FreeText)
        {
            r++;
            s.Text(r, 1, row.CouncilCode);
            s.Text(r, 2, row.CouncilName);
            s.Text(r, 3, row.QuestionId);
            s.Text(r, 4, row.QuestionText);
            s.Text(r, 5, row.Answer);
        }

        if (r > 1)
        {
            s.Table(1, 1, r, 5, workbook.TableName("Free text"));
        }

        s.FreezeHeader(1);
        s.PrintLandscape();
    }
}
