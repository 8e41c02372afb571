using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Tests.Reporting.Charts;

/// <summary>What a chart's value axis should be.</summary>
public enum AxisKind
{
    /// <summary>0 to 100 exactly (percentages and scores).</summary>
    Hundred,

    /// <summary>Whole numbers from 0.</summary>
    WholeNumbers,

    /// <summary>From 0 (answers to a number question).</summary>
    FromZero,

    /// <summary>100% either side of 0 (agreement scales).</summary>
    Diverging,

    /// <summary>No value axis (heat maps).</summary>
    None,
}

/// <summary>One chart drawn from a seeded round, with what its value axis should be.</summary>
public sealed record ChartCase(string Name, ChartImage Chart, AxisKind Axis, bool Horizontal = true)
{
    public override string ToString() => Name;
}

/// <summary>Every kind of chart the platform draws, from a round's internal and published models, as dashboards, workbooks and published files draw them.</summary>
public static class ChartCatalogue
{
    public static IReadOnlyList<ChartCase> All(ChartRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var cases = new List<ChartCase>();
        foreach (var (view, model, hide) in new[] { ("internal", round.Internal, false), ("published", round.Published, true) })
        {
            var dims = model.About.Dimensions;
            var rows = model.DimensionSummaries;
            var threshold = model.About.SuppressionThreshold;
            cases.Add(new($"{view} maturity", ReportCharts.MaturityDistribution(model.MaturityDistribution, hide, threshold: threshold), AxisKind.WholeNumbers, Horizontal: false));
            cases.Add(new($"{view} overall by type", ReportCharts.ScoreByGroup(rows, DimensionSummaryRow.OverallId, GroupKinds.CouncilType, hide, threshold: threshold), AxisKind.Hundred));
            cases.Add(new($"{view} overall by region", ReportCharts.ScoreByGroup(rows, DimensionSummaryRow.OverallId, GroupKinds.Region, hide, threshold: threshold), AxisKind.Hundred));
            cases.Add(new($"{view} dimensions by type", ReportCharts.DimensionsByGroup(rows, dims, GroupKinds.CouncilType, hide, threshold: threshold), AxisKind.Hundred));
            cases.Add(new($"{view} heat map", ReportCharts.HeatMap(rows, dims, GroupKinds.Region, hide, threshold: threshold), AxisKind.None));
            cases.Add(new($"{view} response rate by type", ReportCharts.ResponseRates(model.ResponseRates, GroupKinds.CouncilType, threshold: threshold), AxisKind.Hundred));
            cases.Add(new($"{view} response rate by region", ReportCharts.ResponseRates(model.ResponseRates, GroupKinds.Region, threshold: threshold), AxisKind.Hundred));
            var likert = model.QuestionTables.First(t => t.Kind == QuestionTableKind.Likert);
            cases.Add(new($"{view} likert", ReportCharts.Likert(likert, hide, threshold: threshold), AxisKind.Diverging));
            cases.Add(new($"{view} likert by region", ReportCharts.Likert(likert, hide, [GroupKinds.All, GroupKinds.CouncilType, GroupKinds.Region], threshold: threshold), AxisKind.Diverging));
            // The longest answer labels (single choice), the most options (multiple choice), and a few groups side by side.
            var longest = model.QuestionTables.Where(t => t.Kind == QuestionTableKind.SingleChoice).MaxBy(t => t.Rows.Max(r => r.Option.Length))!;
            var most = model.QuestionTables.Where(t => t.Kind == QuestionTableKind.MultipleChoice).MaxBy(t => t.Rows.Count)!;
            cases.Add(new($"{view} choices {longest.QuestionId}", ReportCharts.Choices(longest, hide, threshold: threshold), AxisKind.Hundred));
            cases.Add(new($"{view} choices {most.QuestionId}", ReportCharts.Choices(most, hide, threshold: threshold), AxisKind.Hundred));
            cases.Add(new($"{view} choices {longest.QuestionId} three groups", ReportCharts.Choices(longest, hide, maxGroups: 3, threshold: threshold), AxisKind.Hundred));
        }

        cases.Add(new("council profile", ReportCharts.CouncilProfile(round.Council), AxisKind.Hundred));
        cases.Add(new("number answers", NumberAnswers(round), AxisKind.FromZero));
        var registered = round.Internal.ResponseRates.First(r => r.GroupKind == GroupKinds.All).Eligible;
        var start = new DateOnly(2025, 3, 1);
        var days = Enumerable.Range(0, 12).Select(i => (start.AddDays(i), round.Councils * (i + 1) / 12)).ToList();
        cases.Add(new("responses over twelve days", ReportCharts.ResponsesOverTime(days, registered), AxisKind.Hundred, Horizontal: false));
        cases.Add(new("responses over two days", ReportCharts.ResponsesOverTime(days[^2..], registered), AxisKind.Hundred, Horizontal: false));
        return cases;
    }

    private static ChartImage NumberAnswers(ChartRound round)
    {
        var question = round.Source.Definition.Questions.First(q => q.Type == ReadinessSurvey.Surveys.QuestionType.Number);
        var result = round.Source.Content.Questions.First(q => q.QuestionId == question.Id);
        var groups = result.Groups.Where(g => g.Numbers is not null && g.Breakdown is Breakdowns.Sector or Breakdowns.Type)
            .Select(g => (round.Source.GroupLabel(g.Breakdown, g.Group), new BarPoint(g.Numbers!.Median, g.Numbers.N ?? 0, g.Numbers.LowerQuartile, g.Numbers.UpperQuartile)))
            .ToList();
        return ReportCharts.NumberAnswers(question.Id, question.Text, question.Unit, groups);
    }
}
