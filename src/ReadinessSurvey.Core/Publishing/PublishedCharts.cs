using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Publishing;

/// <summary>
/// The charts of the published sector workbook, drawn from its model with withheld cells hidden, for
/// publishing beside it: PNG, SVG, and the chart's data as CSV (a picture alone says nothing to a
/// screen reader).
/// </summary>
public static class PublishedCharts
{
    /// <summary>Each chart with the name its files take (no extension).</summary>
    public static IReadOnlyList<(string Name, ChartImage Chart)> Draw(SectorReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var charts = new List<(string, ChartImage)>();
        var threshold = model.About.SuppressionThreshold;
        if (model.MaturityDistribution.Count > 0)
        {
            charts.Add(("maturity-levels", ReportCharts.MaturityDistribution(model.MaturityDistribution, hideSuppressed: true, threshold: threshold)));
        }

        foreach (var (kind, slug) in new[] { (GroupKinds.CouncilType, "council-type"), (GroupKinds.Region, "region") })
        {
            if (model.ResponseRates.Any(r => r.GroupKind == kind))
            {
                charts.Add(($"response-rate-by-{slug}", ReportCharts.ResponseRates(model.ResponseRates, kind, threshold: threshold)));
            }

            if (model.DimensionSummaries.Any(d => d.GroupKind == kind && d.DimensionId == DimensionSummaryRow.OverallId))
            {
                charts.Add(($"overall-score-by-{slug}", ReportCharts.ScoreByGroup(model.DimensionSummaries, DimensionSummaryRow.OverallId, kind, hideSuppressed: true, threshold: threshold)));
            }
        }

        var dimensions = model.About.Dimensions;
        if (dimensions.Count > 0 && model.DimensionSummaries.Any(d => d.GroupKind == GroupKinds.CouncilType))
        {
            charts.Add(("dimensions-by-council-type", ReportCharts.DimensionsByGroup(model.DimensionSummaries, dimensions, GroupKinds.CouncilType, hideSuppressed: true, threshold: threshold)));
        }

        if (dimensions.Count > 0 && model.DimensionSummaries.Any(d => d.GroupKind == GroupKinds.Region))
        {
            charts.Add(("dimensions-by-region-heat-map", ReportCharts.HeatMap(model.DimensionSummaries, dimensions, GroupKinds.Region, hideSuppressed: true, threshold: threshold)));
        }

        return charts;
    }

    /// <summary>The chart's data table as CSV, every field made safe for spreadsheets.</summary>
    public static string TableCsv(ChartTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return PublicationContent.Csv(table.Headers, table.Rows);
    }
}
