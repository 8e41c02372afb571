using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Reporting.Excel;
using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Reporting.Writers;

/// <summary>One sheet per survey section: a table per question (count and percent per group) and its base.</summary>
internal static class QuestionSheet
{
    public static void Write(ReportWorkbook workbook, string sectionTitle, IReadOnlyList<QuestionTable> tables, bool published, int threshold = 5)
    {
        var s = workbook.AddSheet(sectionTitle, $"Answers to the questions in \"{sectionTitle}\" by council type and region");
        s.Heading(1, 1, sectionTitle);
        s.Note(2, 1, published
            ? AboutSheet.SuppressionFootnote
            : "Internal version: small groups are shown.");
        s.Note(3, 1, QuestionCell.PercentDefinition);
        var r = 4;
        foreach (var table in tables)
        {
            var top = r;
            s.Heading(r, 1, $"{table.QuestionId}. {table.QuestionText}", 12);
            if (table.Kind == QuestionTableKind.MultipleChoice)
            {
                s.Note(++r, 1, "Councils could give more than one answer, so percentages may add up to more than 100%.");
            }

            var header = ++r;
            s.Header(header, 1, Headers(table));
            foreach (var option in table.Rows)
            {
                r++;
                s.Text(r, 1, option.Option);
                for (var c = 0; c < table.Columns.Count && c < option.Cells.Count; c++)
                {
                    var cell = option.Cells[c];
                    var hide = cell.Count is null || (published && cell.Suppressed);
                    s.NumberOrMark(r, 2 + (2 * c), cell.Count, hide, SheetWriter.CountFormat, ChartRenderer.SuppressedMark);
                    s.NumberOrMark(r, 3 + (2 * c), cell.Percent, hide, SheetWriter.PercentFormat, ChartRenderer.SuppressedMark);
                }
            }

            var lastColumn = 1 + (2 * table.Columns.Count);
            if (r > header)
            {
                s.Table(header, 1, r, lastColumn, workbook.TableName(table.QuestionId));
            }

            r++;
            s.Text(r, 1, "Base: councils answering", bold: true);
            for (var c = 0; c < table.Columns.Count; c++)
            {
                s.NumberOrMark(r, 2 + (2 * c), table.Columns[c].Base, published && table.Columns[c].BaseSuppressed, SheetWriter.CountFormat, ChartRenderer.SuppressedMark);
            }

            // An answer offered only to some councils (e.g. not to districts) is a share of those shown it.
            foreach (var option in table.Rows.Where(o => o.OwnBase))
            {
                r++;
                s.Text(r, 1, $"Base for \"{option.Option}\": councils shown this option", bold: true);
                for (var c = 0; c < table.Columns.Count && c < option.Cells.Count; c++)
                {
                    s.NumberOrMark(r, 2 + (2 * c), option.Cells[c].Base, published && option.Cells[c].BaseSuppressed, SheetWriter.CountFormat, ChartRenderer.SuppressedMark);
                }
            }

            var next = r + 3;
            if (table.Kind == QuestionTableKind.Likert && table.Rows.Count > 1)
            {
                next = Math.Max(next, workbook.PlaceChart(s, top, lastColumn + 2, ReportCharts.Likert(table, published, threshold: threshold)));
            }

            r = next;
        }

        s.FreezeHeader(2, 1);
        s.PrintLandscape();
    }

    private static List<string> Headers(QuestionTable table)
    {
        var headers = new List<string> { "Answer" };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Answer" };
        foreach (var column in table.Columns)
        {
            var name = seen.Contains(column.Group + ": count") ? $"{column.GroupKind} {column.Group}" : column.Group;
            headers.Add(name + ": count");
            headers.Add(name + ": %");
            seen.Add(name + ": count");
        }

        return headers;
    }
}
