using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Builds the sector report model from a snapshot: the internal model from the content view (every
/// figure, council scores, free text), the published one from the published view, where every
/// withheld (null) number becomes a suppressed cell shown as [c].
/// </summary>
public static class SectorReportMapper
{
    /// <summary>The breakdowns shown as columns of the question tables, in order.</summary>
    public static IReadOnlyList<string> QuestionBreakdowns { get; } = [Breakdowns.Sector, Breakdowns.Type, Breakdowns.Region];

    private static readonly string[] _summaryBreakdowns = [Breakdowns.Sector, Breakdowns.Type, Breakdowns.Region, Breakdowns.Tier];

    public static SectorReportModel Map(ReportSource source, bool published, IReadOnlyList<FreeTextRow>? freeText = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var view = published ? source.Published : source.Content;
        return new SectorReportModel
        {
            About = source.About($"{source.Definition.Title}: {source.RoundName}"),
            ResponseRates = view.Responses.Rates
                .Where(r => _summaryBreakdowns.Contains(r.Breakdown))
                .Select(r => new ResponseRateRow(ReportSource.GroupKind(r.Breakdown), source.GroupLabel(r.Breakdown, r.Group), r.Registered, r.Submitted ?? 0, r.Submitted is null))
                .ToList(),
            DimensionSummaries = DimensionSummaries(source, view),
            MaturityDistribution = Maturity(source, view),
            QuestionTables = source.Definition.Questions
                .Select(q => QuestionTableOf(source, view, q, QuestionBreakdowns))
                .OfType<QuestionTable>()
                .ToList(),
            NumberSummaries = NumberSummaries(source, view),
            CouncilScores = published ? [] : CouncilScores(source),
            FreeText = published ? [] : freeText ?? [],
        };
    }

    /// <summary>The table of one choice question (null for other types or when the snapshot has no counts).</summary>
    public static QuestionTable? QuestionTableOf(ReportSource source, SnapshotContent view, Question question, IReadOnlyList<string> breakdowns)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(breakdowns);
        if (KindOf(question) is not { } kind || view.Questions.FirstOrDefault(x => x.QuestionId == question.Id) is not { } result)
        {
            return null;
        }

        var groups = breakdowns.SelectMany(b => result.Groups.Where(g => g.Breakdown == b)).ToList();
        var codes = ReportSource.CodesOf(question).ToList();
        foreach (var extra in groups.SelectMany(g => g.Options).Select(o => o.Value).Distinct().Where(v => codes.All(c => c.Code != v)).Order(StringComparer.Ordinal).ToList())
        {
            codes.Add(new AnswerCode(extra, extra, null, extra == Responses.AnswerStorage.DontKnowCode));
        }

        var section = source.Definition.SectionOf(question);
        return new QuestionTable
        {
            QuestionId = question.Id,
            QuestionText = question.Text,
            SectionId = section.Id,
            SectionTitle = section.Title,
            Kind = kind,
            Columns = groups.Select(g => new QuestionGroupColumn(ReportSource.GroupKind(g.Breakdown), source.GroupLabel(g.Breakdown, g.Group), g.Base ?? 0, g.Base is null)).ToList(),
            Rows = codes.Select(c => new QuestionOptionRow(
                c.Label,
                groups.Select(g => Cell(g, c.Code)).ToList(),
                OutsideScale: kind == QuestionTableKind.Likert && c.DontKnow,
                OwnBase: result.ShownToSome?.Contains(c.Code) == true)).ToList(),
        };
    }

    /// <summary>A count cell; a withheld count or base (null in the published view) is a suppressed cell.</summary>
    public static QuestionCell Cell(QuestionGroup group, string code)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Base is not { } total)
        {
            return new QuestionCell(null, 0, Suppressed: true) { BaseSuppressed = true };
        }

        var option = group.Options.FirstOrDefault(o => o.Value == code);
        return option is null
            ? new QuestionCell(0, total) { Percent = total == 0 ? null : 0 }
            : new QuestionCell(option.Count, option.Base ?? 0, Suppressed: option.Count is null || option.Base is null)
            {
                Percent = option.Percent is { } p ? (decimal)p / 100 : null,
                BaseSuppressed = option.Base is null,
            };
    }

    public static QuestionTableKind? KindOf(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Type switch
        {
            QuestionType.SingleChoice => QuestionTableKind.SingleChoice,
            QuestionType.MultipleChoice => QuestionTableKind.MultipleChoice,
            QuestionType.Likert => QuestionTableKind.Likert,
            QuestionType.YesNo => QuestionTableKind.YesNo,
            _ => null,
        };
    }

    private static List<DimensionSummaryRow> DimensionSummaries(ReportSource source, SnapshotContent view)
    {
        // Overall first, then the dimensions in the definition's order.
        var order = source.Definition.Scoring.Dimensions.Select(d => d.Id).Prepend(DimensionSummaryRow.OverallId).ToList();
        return view.Dimensions
            .OrderBy(d => order.IndexOf(d.DimensionId) is var i && i < 0 ? int.MaxValue : i)
            .SelectMany(d => _summaryBreakdowns.SelectMany(b => d.Groups.Where(g => g.Breakdown == b)).Select(g => new DimensionSummaryRow
            {
                DimensionId = d.DimensionId,
                Dimension = source.DimensionLabel(d.DimensionId),
                GroupKind = ReportSource.GroupKind(g.Breakdown),
                Group = source.GroupLabel(g.Breakdown, g.Group),
                N = g.Scores.N ?? 0,
                Mean = ToDecimal(g.Scores.Mean),
                Median = ToDecimal(g.Scores.Median),
                LowerQuartile = ToDecimal(g.Scores.LowerQuartile),
                UpperQuartile = ToDecimal(g.Scores.UpperQuartile),
                Min = ToDecimal(g.Scores.Min),
                Max = ToDecimal(g.Scores.Max),
                Suppressed = g.Scores.N is null,
            }))
            .ToList();
    }

    private static List<NumberSummaryRow> NumberSummaries(ReportSource source, SnapshotContent view) =>
        [.. from question in source.Definition.Questions.Where(q => q.Type == QuestionType.Number)
            let result = view.Questions.FirstOrDefault(r => r.QuestionId == question.Id)
            where result is not null
            from breakdown in _summaryBreakdowns
            from g in result.Groups.Where(g => g.Breakdown == breakdown && g.Numbers is not null)
            select new NumberSummaryRow
            {
                QuestionId = question.Id,
                QuestionText = question.Text,
                Unit = question.Unit,
                GroupKind = ReportSource.GroupKind(g.Breakdown),
                Group = source.GroupLabel(g.Breakdown, g.Group),
                N = g.Numbers!.N ?? 0,
                Mean = ToDecimal(g.Numbers.Mean),
                Median = ToDecimal(g.Numbers.Median),
                LowerQuartile = ToDecimal(g.Numbers.LowerQuartile),
                UpperQuartile = ToDecimal(g.Numbers.UpperQuartile),
                Min = ToDecimal(g.Numbers.Min),
                Max = ToDecimal(g.Numbers.Max),
                Suppressed = g.Numbers.N is null,
            }];

    private static List<MaturityDistributionRow> Maturity(ReportSource source, SnapshotContent view) =>
        view.Maturity
            .Where(m => _summaryBreakdowns.Contains(m.Breakdown))
            .OrderBy(m => Array.IndexOf(_summaryBreakdowns, m.Breakdown))
            .SelectMany(m => m.Levels.Select(l => new MaturityDistributionRow(
                ReportSource.GroupKind(m.Breakdown),
                source.GroupLabel(m.Breakdown, m.Group),
                l.Level,
                source.LevelLabel(l.Level) ?? l.Name,
                l.Count ?? 0,
                m.N ?? 0,
                Suppressed: l.Count is null,
                BaseSuppressed: m.N is null)))
            .ToList();

    private static List<CouncilScoreRow> CouncilScores(ReportSource source) =>
        source.Content.Councils
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CouncilScoreRow
            {
                CouncilCode = c.Code,
                CouncilName = c.Name,
                CouncilType = source.GroupLabel(Breakdowns.Type, c.TypeCode),
                Region = source.GroupLabel(Breakdowns.Region, c.RegionCode),
                Overall = ToDecimal(c.OverallScore),
                Level = c.MaturityLevel,
                LevelLabel = source.LevelLabel(c.MaturityLevel),
                DimensionScores = c.Dimensions.ToDictionary(d => d.DimensionId, d => ToDecimal(d.Score)),
            })
            .ToList();

    internal static decimal? ToDecimal(double? value) => value is { } v ? Math.Round((decimal)v, 2) : null;
}
