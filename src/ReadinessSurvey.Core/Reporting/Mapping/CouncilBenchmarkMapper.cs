using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Builds one council's benchmark model. The council's own scores come from the internal view; every
/// peer figure (medians, quartiles, answer shares) comes from the published view, so a council never
/// sees a small cell of other councils that the published report withholds.
/// </summary>
public static class CouncilBenchmarkMapper
{
    public const string AllPeers = "All councils";
    public const string SameType = "Same type";
    public const string SameRegion = "Same region";

    /// <summary>How many of the weakest dimensions get guidance.</summary>
    public const int GuidanceCount = 3;

    public static CouncilBenchmarkModel Map(ReportSource source, CouncilResult council, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(answers);
        var peers = new (string Label, string Breakdown, string Group)[]
        {
            (AllPeers, Breakdowns.Sector, Breakdowns.AllGroup),
            (SameType, Breakdowns.Type, council.TypeCode),
            (SameRegion, Breakdowns.Region, council.RegionCode),
        };

        var scores = new List<BenchmarkScoreRow>();
        var dimensionIds = source.Definition.Scoring.Dimensions.Select(d => d.Id).Prepend(DimensionSummaryRow.OverallId);
        foreach (var id in dimensionIds)
        {
            var own = id == DimensionSummaryRow.OverallId
                ? council.OverallScore
                : council.Dimensions.FirstOrDefault(d => d.DimensionId == id)?.Score;
            var result = source.Published.Dimensions.FirstOrDefault(d => d.DimensionId == id);
            scores.Add(new BenchmarkScoreRow(id, source.DimensionLabel(id), SectorReportMapper.ToDecimal(own),
                peers.Select(p => PeerOf(p.Label, result?.Groups.FirstOrDefault(g => g.Breakdown == p.Breakdown && g.Group == p.Group))).ToList()));
        }

        return new CouncilBenchmarkModel
        {
            About = source.About($"{council.Name}: AI readiness benchmark, {source.RoundName}"),
            CouncilCode = council.Code,
            CouncilName = council.Name,
            CouncilType = source.GroupLabel(Breakdowns.Type, council.TypeCode),
            Region = source.GroupLabel(Breakdowns.Region, council.RegionCode),
            Overall = SectorReportMapper.ToDecimal(council.OverallScore),
            Level = council.MaturityLevel,
            LevelLabel = source.LevelLabel(council.MaturityLevel),
            Scores = scores,
            Answers = Answers(source, peers.Select(p => (p.Breakdown, p.Group)).ToList(), answers),
            Guidance = Guidance(source, scores),
        };
    }

    private static PeerStatistics PeerOf(string label, DimensionGroup? group)
    {
        if (group is null)
        {
            return new PeerStatistics(label, 0, null, null, null);
        }

        var s = group.Scores;
        return s.N is { } n
            ? new PeerStatistics(label, n, SectorReportMapper.ToDecimal(s.Median), SectorReportMapper.ToDecimal(s.LowerQuartile), SectorReportMapper.ToDecimal(s.UpperQuartile))
            : new PeerStatistics(label, 0, null, null, null, Suppressed: true);
    }

    private static List<BenchmarkAnswerRow> Answers(
        ReportSource source, IReadOnlyList<(string Breakdown, string Group)> peers, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var rows = new List<BenchmarkAnswerRow>();
        foreach (var question in source.Definition.Questions)
        {
            if (SectorReportMapper.KindOf(question) is null || source.Published.Questions.FirstOrDefault(q => q.QuestionId == question.Id) is not { } result)
            {
                continue;
            }

            var groups = peers.Select(p => result.Groups.FirstOrDefault(g => g.Breakdown == p.Breakdown && g.Group == p.Group)
                                           ?? new QuestionGroup(p.Breakdown, p.Group, 0, [], null)).ToList();
            var answer = answers.GetValueOrDefault(question.Id);
            var chosen = answer is null ? [] : StoredAnswers.CodesOf(question, answer);
            var section = source.Definition.SectionOf(question);
            rows.Add(new BenchmarkAnswerRow
            {
                QuestionId = question.Id,
                QuestionText = question.Text,
                SectionTitle = section.Title,
                CouncilAnswer = AnswerDisplay.Text(question, answer),
                PeerGroups = groups.Select((g, i) => new QuestionGroupColumn(
                    i == 0 ? AllPeers : i == 1 ? SameType : SameRegion, LabelOf(source, g), g.Base ?? 0, g.Base is null)).ToList(),
                Options = ReportSource.CodesOf(question)
                    .Select(c => new BenchmarkOptionShare(c.Label, chosen.Contains(c.Code), groups.Select(g => SectorReportMapper.Cell(g, c.Code)).ToList()))
                    .ToList(),
            });
        }

        return rows;
    }

    private static string LabelOf(ReportSource source, QuestionGroup group) => group.Breakdown switch
    {
        Breakdowns.Sector => AllPeers,
        Breakdowns.Type => SameType,
        _ => SameRegion,
    } + (group.Breakdown == Breakdowns.Sector ? "" : $" ({source.GroupLabel(group.Breakdown, group.Group)})");

    private static List<BenchmarkGuidance> Guidance(ReportSource source, IReadOnlyList<BenchmarkScoreRow> scores) =>
        scores
            .Where(s => s.DimensionId != DimensionSummaryRow.OverallId && s.CouncilScore is not null)
            .OrderBy(s => s.CouncilScore)
            .ThenBy(s => s.DimensionId, StringComparer.Ordinal)
            .Select(s =>
            {
                var level = source.LevelOf(s.CouncilScore!.Value);
                var advice = source.Definition.Scoring.FindDimension(s.DimensionId)?.GuidanceFor(level);
                return advice is null ? null : new BenchmarkGuidance(s.DimensionId, s.Dimension, s.CouncilScore, level, advice);
            })
            .OfType<BenchmarkGuidance>()
            .Take(GuidanceCount)
            .ToList();
}
