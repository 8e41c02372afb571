using System.Globalization;
using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Publishing;

/// <summary>What the public publication page shows, fixed when the round is published and kept in its manifest.</summary>
/// <param name="SuppressionThreshold">Groups of fewer councils than this are withheld (the snapshot's own threshold).</param>
/// <param name="Method">How the survey was run and analysed, in plain English.</param>
/// <param name="Findings">Key findings, one sentence each, from published (never withheld) figures only.</param>
/// <param name="Tables">The headline tables; withheld cells read [c].</param>
public sealed record PublicationPage(int SuppressionThreshold, string Method, IReadOnlyList<string> Findings, IReadOnlyList<PublishedTable> Tables);

/// <summary>A headline table: the first column names the row; <paramref name="Csv"/> is its download.</summary>
public sealed record PublishedTable(string Title, string Csv, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Builds the publication page from the published model. Every figure goes through <see cref="Cell"/>,
/// which writes [c] for a withheld one, so nothing the published workbook withholds reaches the page.
/// </summary>
public static class PublicationContent
{
    /// <summary>The mark for a withheld figure, as in the published workbook.</summary>
    public const string Withheld = "[c]";

    private static readonly CultureInfo s_uk = CultureInfo.GetCultureInfo("en-GB");

    public static PublicationPage Build(SectorReportModel published)
    {
        ArgumentNullException.ThrowIfNull(published);
        return new PublicationPage(published.About.SuppressionThreshold, published.About.Method, Findings(published), Tables(published));
    }

    /// <summary>A headline table as CSV, every field made safe for spreadsheets.</summary>
    public static string TableCsv(PublishedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Csv(table.Headers, table.Rows);
    }

    internal static string Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new System.Text.StringBuilder();
        csv.AppendLine(string.Join(',', headers.Select(Reporting.Writers.ResponseExportWriter.CsvField)));
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(',', row.Select(Reporting.Writers.ResponseExportWriter.CsvField)));
        }

        return csv.ToString();
    }

    private static List<string> Findings(SectorReportModel m)
    {
        var findings = new List<string>();
        if (m.ResponseRates.FirstOrDefault(r => r.GroupKind == GroupKinds.All) is { Suppressed: false, Rate: { } rate } all)
        {
            findings.Add($"{all.Responded} of {all.Eligible} councils ({Percent(rate)}) sent a return.");
        }

        var levels = m.MaturityDistribution.Where(r => r.GroupKind == GroupKinds.All && !r.Suppressed && r.Count > 0).ToList();
        if (levels.Count > 0)
        {
            var top = levels.MaxBy(r => r.Count)!;
            // A share over a withheld base is withheld: the finding then gives the count alone, never 0%.
            var share = top.Percent is { } percent ? $" ({Percent(percent)})" : "";
            findings.Add($"The most common maturity level was level {top.Level}, {top.LevelLabel}: {top.Count} councils{share}.");
        }

        var overall = Overall(m, GroupKinds.All).FirstOrDefault();
        if (overall is { Median: { } median, LowerQuartile: { } lower, UpperQuartile: { } upper })
        {
            findings.Add($"The median overall readiness score was {Score(median)} out of 100; half of councils scored between {Score(lower)} and {Score(upper)}.");
        }

        var dimensions = m.DimensionSummaries
            .Where(d => d.GroupKind == GroupKinds.All && d.DimensionId != DimensionSummaryRow.OverallId && !d.Suppressed && d.Median is not null).ToList();
        if (dimensions.Count > 1)
        {
            var high = dimensions.MaxBy(d => d.Median)!;
            var low = dimensions.MinBy(d => d.Median)!;
            findings.Add($"Councils scored highest on {high.Dimension.ToLower(s_uk)} (median {Score(high.Median!.Value)}) and lowest on {low.Dimension.ToLower(s_uk)} (median {Score(low.Median!.Value)}).");
        }

        var types = Overall(m, GroupKinds.CouncilType).Where(d => !d.Suppressed && d.Median is not null).ToList();
        if (types.Count > 1)
        {
            var high = types.MaxBy(d => d.Median)!;
            var low = types.MinBy(d => d.Median)!;
            findings.Add($"By council type, {high.Group} councils had the highest median overall score ({Score(high.Median!.Value)}) and {low.Group} councils the lowest ({Score(low.Median!.Value)}).");
        }

        return findings;
    }

    private static List<PublishedTable> Tables(SectorReportModel m)
    {
        var tables = new List<PublishedTable>();
        var rates = m.ResponseRates.Where(r => r.GroupKind == GroupKinds.CouncilType).Concat(m.ResponseRates.Where(r => r.GroupKind == GroupKinds.All)).ToList();
        if (rates.Count > 0)
        {
            tables.Add(new PublishedTable("Response rate by council type", "table-response-rate-by-council-type.csv",
                ["Council type", "Councils in the register", "Councils responding", "Response rate"],
                [.. rates.Select(r => Row(r.Group, r.Eligible.ToString(s_uk), Cell(r.Responded, r.Suppressed), Cell(r.Rate, r.Suppressed, Percent)))]));
        }

        var levels = m.MaturityDistribution.Where(r => r.GroupKind == GroupKinds.All).OrderBy(r => r.Level).ToList();
        if (levels.Count > 0)
        {
            tables.Add(new PublishedTable("Maturity levels of all councils that responded", "table-maturity-levels.csv",
                ["Maturity level", "Councils", "Share of councils"],
                [.. levels.Select(r => Row($"{r.Level} {r.LevelLabel}", Cell(r.Count, r.Suppressed), Cell(r.Percent, r.Suppressed || r.BaseSuppressed, Percent)))]));
        }

        var dimensions = m.DimensionSummaries.Where(d => d.GroupKind == GroupKinds.All).ToList();
        if (dimensions.Count > 0)
        {
            tables.Add(ScoreTable("Readiness scores by dimension, all councils", "table-scores-by-dimension.csv", "Dimension", dimensions, d => d.Dimension));
        }

        foreach (var (kind, slug) in new[] { (GroupKinds.CouncilType, "council-type"), (GroupKinds.Region, "region") })
        {
            var rows = Overall(m, kind).ToList();
            if (rows.Count > 0)
            {
                tables.Add(ScoreTable($"Overall readiness score by {kind.ToLower(s_uk)}", $"table-overall-score-by-{slug}.csv", kind, rows, d => d.Group));
            }
        }

        return tables;
    }

    private static PublishedTable ScoreTable(string title, string csv, string first, List<DimensionSummaryRow> rows, Func<DimensionSummaryRow, string> name) =>
        new(title, csv, [first, "Councils (n)", "Median score", "Lower quartile", "Upper quartile"],
            [.. rows.Select(d => Row(name(d), Cell(d.N, d.Suppressed), Cell(d.Median, d.Suppressed, Score), Cell(d.LowerQuartile, d.Suppressed, Score), Cell(d.UpperQuartile, d.Suppressed, Score)))]);

    private static IEnumerable<DimensionSummaryRow> Overall(SectorReportModel m, string kind) =>
        m.DimensionSummaries.Where(d => d.GroupKind == kind && d.DimensionId == DimensionSummaryRow.OverallId);

    private static string[] Row(params string[] cells) => cells;

    private static string Cell(int value, bool withheld) => withheld ? Withheld : value.ToString(s_uk);

    private static string Cell(decimal? value, bool withheld, Func<decimal, string> format) =>
        withheld ? Withheld : value is { } v ? format(v) : NotApplicable;

    /// <summary>The mark for a figure that does not apply (a share or score of no councils), as in the workbooks.</summary>
    public const string NotApplicable = Reporting.Excel.SheetWriter.NotApplicableMark;

    private static string Percent(decimal share) => (share * 100).ToString("0", s_uk) + "%";

    private static string Score(decimal score) => score.ToString("0.0", s_uk);
}
