using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>The charts of one question's answers, shared by the dashboards, the workbooks and the published files.</summary>
public static partial class ReportCharts
{
    /// <summary>
    /// A diverging stacked bar chart of a Likert question across the table's columns of the given kinds
    /// (default: all councils and council types). Shares are the table's (the snapshot's): of the councils
    /// answering, "Don't know" included, whose share is stated in each group's label rather than drawn. A group with
    /// any withheld count is withheld whole (its bar cannot be drawn without that count).
    /// </summary>
    public static ChartImage Likert(QuestionTable table, bool hideSuppressed, IReadOnlyCollection<string>? groupKinds = null, ChartSize? size = null, int threshold = 5)
    {
        ArgumentNullException.ThrowIfNull(table);
        groupKinds ??= [GroupKinds.All, GroupKinds.CouncilType];
        var scale = table.Rows.Where(r => !r.OutsideScale).ToList();
        var outside = table.Rows.Where(r => r.OutsideScale).ToList();
        var groups = new List<LikertGroup>();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            if (!groupKinds.Contains(column.GroupKind))
            {
                continue;
            }

            var suppressed = table.Rows.Any(r => r.Cells[c].Count is null || (hideSuppressed && r.Cells[c].Suppressed));
            double Share(QuestionOptionRow r) => suppressed ? 0 : (double)(r.Cells[c].Percent ?? 0) * 100;
            groups.Add(new LikertGroup(
                column.Group, [.. scale.Select(Share)], column.Base, [.. outside.Select(Share)], suppressed, hideSuppressed && column.BaseSuppressed));
        }

        var options = scale.Select(r => r.Option).ToList();
        return ChartRenderer.Likert(new LikertChartSpec(
            $"{table.QuestionId}. {table.QuestionText}", options, groups,
            "Share of the councils answering, \"Don't know\" included; n and the \"Don't know\" share for each group in its label")
        {
            Finding = LikertFinding(groups.FirstOrDefault(g => !g.Suppressed && g.N > 0), options.Count),
            Threshold = threshold,
            Outside = [.. outside.Select(r => r.Option)],
        }, size ?? new ChartSize(1000, 460));
    }

    /// <summary>
    /// The share of councils giving each answer, one series per group column (all councils first): grouped
    /// bars for up to four groups, small multiples beyond. At most <paramref name="maxGroups"/> columns are charted.
    /// </summary>
    public static ChartImage Choices(QuestionTable table, bool hideSuppressed, int maxGroups = 7, ChartSize? size = null, int threshold = 5)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = Enumerable.Range(0, Math.Min(maxGroups, table.Columns.Count)).ToList();
        var series = columns.Select(c => new BarSeries(
            table.Columns[c].Group,
            table.Rows.Select(r =>
            {
                var cell = r.Cells[c];
                var hidden = hideSuppressed && (cell.Suppressed || table.Columns[c].BaseSuppressed);
                return new BarPoint(hidden || cell.Percent is not { } p ? null : (double)p * 100, cell.Base, Suppressed: hidden, BaseSuppressed: hideSuppressed && table.Columns[c].BaseSuppressed);
            }).ToList())).ToList();
        var first = series.FirstOrDefault();
        // A question withheld whole has no value to state; MaxBy of an empty list of tuples would throw.
        var shown = first?.Points.Select((p, i) => (Option: table.Rows[i].Option, Point: p)).Where(x => x.Point.Value is not null).ToList() ?? [];
        (string Option, BarPoint Point)? top = shown.Count == 0 ? null : shown.MaxBy(x => x.Point.Value!.Value);
        return ChartRenderer.Bars(new BarChartSpec
        {
            Title = $"{table.QuestionId}. {table.QuestionText}",
            Subtitle = (table.Kind == QuestionTableKind.MultipleChoice
                ? "Share of councils answering that chose each option (they could choose more than one)"
                : "Share of councils answering that gave each answer") + (series.Count > ChartPalette.MaxColours ? "; n for each group in its heading"
                  : series.Count > 1 ? "; n for each group in the legend"
                  : $"; {ChartFrame.BaseText(first!.Points)} councils"),
            Finding = top is null
                ? first is null ? null : $"Every answer among {first.Name.ToLowerInvariant()} is withheld to protect groups of fewer than {threshold} councils"
                : $"The most common answer among {first!.Name.ToLowerInvariant()} is \"{top.Value.Option}\": {top.Value.Point.Value!.Value:0}% of {top.Value.Point.N} councils",
            CategoryLabel = "Answer",
            ValueLabel = "Councils answering (%)",
            ValueFormat = "0'%'",
            Scale = ValueScale.Percent,
            Categories = table.Rows.Select(r => r.Option).ToList(),
            Series = series,
            Threshold = threshold,
        }, size ?? new ChartSize(1000, 560));
    }

    /// <summary>A number question's median answer by group, with quartile whiskers.</summary>
    public static ChartImage NumberAnswers(string questionId, string questionText, string? unit, IReadOnlyList<(string Group, BarPoint Median)> groups, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var unitText = unit is null ? "" : $" ({unit})";
        return ChartRenderer.Bars(new BarChartSpec
        {
            Title = $"{questionId}. {questionText}",
            Subtitle = "Median with lower and upper quartiles; n for each group in its label",
            Finding = RangeFinding("The median answer", groups, "#,0.##"),
            CategoryLabel = "Group",
            ValueLabel = "Answer" + unitText,
            ValueFormat = "#,0.##",
            Scale = ValueScale.Number,
            Categories = groups.Select(g => g.Group).ToList(),
            Series = [new BarSeries("Median", groups.Select(g => g.Median).ToList())],
        }, size ?? new ChartSize(1000, 560));
    }

    /// <summary>"Among all councils, 45% agree and 30% disagree": the ends of the scale either side of the middle.</summary>
    private static string? LikertFinding(LikertGroup? group, int points)
    {
        if (group is null)
        {
            return "Every group's answers are withheld";
        }

        var half = points / 2;
        var disagree = group.Shares.Take(half).Sum();
        var agree = group.Shares.Skip(points - half).Sum();
        return $"Among {group.Group.ToLowerInvariant()}, {agree:0}% agree and {disagree:0}% disagree";
    }
}
