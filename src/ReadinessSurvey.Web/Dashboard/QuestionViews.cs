using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Reporting.Mapping;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Dashboard;

/// <summary>One question's answers by group, filtered by council type and region; built once per snapshot and filter.</summary>
public static class QuestionViews
{
    /// <summary>An unfiltered chart shows all councils and the council types (small multiples: one panel each); the tables have every group.</summary>
    public const int MaxChartGroups = 7;

    public static DashboardView For(DashboardSnapshot s, Question question, GroupFilter filter)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(filter);
        return s.View($"question:{question.Id}:{filter.Type}:{filter.Region}", () => question.Type switch
        {
            QuestionType.Number => Numbers(s, question, filter),
            QuestionType.Text => DashboardView.Empty,
            _ => Choices(s, question, filter),
        });
    }

    private static DashboardView Choices(DashboardSnapshot s, Question question, GroupFilter filter)
    {
        if (s.Model.QuestionTables.FirstOrDefault(t => t.QuestionId == question.Id) is not { } full)
        {
            return DashboardView.Empty;
        }

        var shown = Enumerable.Range(0, full.Columns.Count).Where(c => Includes(s, filter, full.Columns[c])).ToList();
        var table = full with
        {
            Columns = shown.Select(c => full.Columns[c]).ToList(),
            Rows = full.Rows.Select(r => r with { Cells = shown.Select(c => r.Cells[c]).ToList() }).ToList(),
        };
        var counts = Wide("Councils giving each answer", table, cell => Figures.Count(cell.Count));
        var shares = Wide("Share of councils giving each answer (%): " + QuestionCell.PercentDefinition, table, cell => Figures.Percent(cell.Percent));
        if (table.Kind == QuestionTableKind.Likert)
        {
            var size = new ChartSize(1000, 160 + (36 * table.Columns.Count));
            var likert = ReportCharts.Likert(table, hideSuppressed: false, [GroupKinds.All, GroupKinds.CouncilType, GroupKinds.Region], size);
            return new DashboardView([DashboardChart.From(likert)], [counts, shares]);
        }

        var bars = ReportCharts.Choices(table, hideSuppressed: false, MaxChartGroups, new ChartSize(1000, 560));
        return new DashboardView([DashboardChart.From(bars, shares)], [counts]);
    }

    private static DashboardView Numbers(DashboardSnapshot s, Question question, GroupFilter filter)
    {
        if (s.Source.Content.Questions.FirstOrDefault(q => q.QuestionId == question.Id) is not { } result)
        {
            return DashboardView.Empty;
        }

        var groups = result.Groups.Where(g => g.Numbers is not null && filter.Includes(g.Breakdown, g.Group)).ToList();
        string Label(QuestionGroup g) => s.Source.GroupLabel(g.Breakdown, g.Group);
        var unit = question.Unit is { } u ? $" ({u})" : "";
        var chart = ReportCharts.NumberAnswers(question.Id, question.Text, question.Unit, groups
            .Select(g => (Label(g), new BarPoint(g.Numbers!.Median, g.Numbers.N ?? 0, g.Numbers.LowerQuartile, g.Numbers.UpperQuartile)))
            .ToList());
        var table = new ChartTable(
            $"Statistics of the answers{unit}. {NumberSummaryRow.Method}",
            ["Group", "Group kind", "Councils answering", "Mean", "Median", "Lower quartile", "Upper quartile", "Lowest", "Highest"],
            groups.Select(g => (IReadOnlyList<string>)
            [
                Label(g), ReportSource.GroupKind(g.Breakdown), Figures.Count(g.Numbers!.N), Figures.Number(g.Numbers.Mean, "0.##"), Figures.Number(g.Numbers.Median, "0.##"),
                Figures.Number(g.Numbers.LowerQuartile, "0.##"), Figures.Number(g.Numbers.UpperQuartile, "0.##"), Figures.Number(g.Numbers.Min, "0.##"), Figures.Number(g.Numbers.Max, "0.##"),
            ]).ToList());
        return new DashboardView([DashboardChart.From(chart, table)], []);
    }

    /// <summary>
    /// Groups as rows, answers as columns: one number per cell, so the download gets numbers. An answer shown
    /// only to some councils gets a column of its own base ("n = councils shown this option").
    /// </summary>
    private static ChartTable Wide(string title, QuestionTable table, Func<QuestionCell, string> value)
    {
        var own = table.Rows.Where(r => r.OwnBase).ToList();
        List<string> headers = ["Group", "Group kind", "Councils answering", .. table.Rows.Select(r => r.Option), .. own.Select(r => $"{r.Option}: councils shown this option")];
        var rows = table.Columns.Select((column, c) => (IReadOnlyList<string>)
        [
            column.Group, column.GroupKind, Figures.Count(column.Base), .. table.Rows.Select(r => value(r.Cells[c])),
            .. own.Select(r => r.Cells[c].BaseSuppressed ? "" : Figures.Count(r.Cells[c].Base)),
        ]).ToList();
        return new ChartTable(title, headers, rows);
    }

    private static bool Includes(DashboardSnapshot s, GroupFilter filter, QuestionGroupColumn column) => column.GroupKind switch
    {
        GroupKinds.All => true,
        GroupKinds.CouncilType => s.GroupsOf(Breakdowns.Type).Any(g => g.Label == column.Group && filter.Includes(Breakdowns.Type, g.Key)),
        GroupKinds.Region => s.GroupsOf(Breakdowns.Region).Any(g => g.Label == column.Group && filter.Includes(Breakdowns.Region, g.Key)),
        _ => false,
    };
}
