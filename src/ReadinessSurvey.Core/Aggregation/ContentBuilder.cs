using System.Globalization;
using ReadinessSurvey.Aggregation.Statistics;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Aggregation;

/// <summary>Builds the internal view of a snapshot from what the queries read. No I/O.</summary>
internal sealed class ContentBuilder
{
    private static readonly string[] PeerBreakdowns = [Breakdowns.Sector, Breakdowns.Type, Breakdowns.Region];

    private readonly AggregationData _data;
    private readonly int _threshold;
    private readonly List<SubmittedCouncil> _submitted;
    private readonly Dictionary<int, SubmittedCouncil> _submittedById;
    private readonly IReadOnlyList<GroupInfo> _groups;

    public ContentBuilder(AggregationData data, int threshold)
    {
        _data = data;
        _threshold = threshold;
        var councils = data.Councils.ToDictionary(c => c.Id);
        _submitted = [.. data.Returns
            .Where(r => r.Status == ReturnStatus.Submitted && councils.ContainsKey(r.CouncilId))
            .Select(r => new SubmittedCouncil(councils[r.CouncilId], r))
            .OrderBy(s => s.Council.Code, StringComparer.Ordinal)];
        _submittedById = _submitted.ToDictionary(s => s.Council.Id);
        _groups = BuildGroups(data.Councils);
    }

    /// <summary>The submitted councils, ordered by code.</summary>
    public IReadOnlyList<SubmittedCouncil> Submitted => _submitted;

    public SnapshotContent Build()
    {
        var dimensionIds = _data.Scores.Select(s => s.DimensionId).Distinct().Order(StringComparer.Ordinal).ToList();
        var dimensionValues = new Dictionary<string, Dictionary<int, ScoreValue>>(StringComparer.Ordinal)
        {
            [ReturnScore.Overall] = _submitted.ToDictionary(
                s => s.Council.Id,
                s => new ScoreValue(s.Council.Id, ReturnScore.Overall, s.Return.OverallScore, s.Return.OverallScore is null ? "insufficient" : "scored")),
        };
        foreach (var id in dimensionIds)
        {
            dimensionValues[id] = _data.Scores.Where(s => s.DimensionId == id && _submittedById.ContainsKey(s.CouncilId))
                .GroupBy(s => s.CouncilId).ToDictionary(g => g.Key, g => g.First());
        }

        return new SnapshotContent(
            _data.RoundId,
            Published: false,
            _threshold,
            _groups,
            BuildResponses(),
            BuildCouncils(dimensionValues),
            [.. _data.Questions.Where(q => q.Kind != QuestionKinds.Text).OrderBy(q => q.Id, StringComparer.Ordinal).Select(BuildQuestion)],
            [.. dimensionValues.Keys.OrderBy(k => k == ReturnScore.Overall ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal)
                .Select(id => BuildDimension(id, dimensionValues[id]))],
            BuildMaturity());
    }

    /// <summary>Groups of a breakdown, ordered by key.</summary>
    public IEnumerable<string> GroupsOf(string breakdown) => _groups.Where(g => g.Breakdown == breakdown).Select(g => g.Key);

    /// <summary>Submitted councils in a group.</summary>
    public IEnumerable<SubmittedCouncil> InGroup(string breakdown, string group) =>
        _submitted.Where(s => GroupKeys.Of(breakdown, s.Council, s.Return.MaturityLevel) == group);

    internal static double? Round(double? value) =>
        value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    internal static Stats ToStats(Summary summary) => new(
        summary.N,
        Round(summary.Mean),
        Round(summary.Median),
        Round(summary.LowerQuartile),
        Round(summary.UpperQuartile),
        Round(summary.Min),
        Round(summary.Max));

    private static List<GroupInfo> BuildGroups(IReadOnlyList<CouncilInfo> councils)
    {
        List<GroupInfo> groups = [new(Breakdowns.Sector, Breakdowns.AllGroup, "All councils")];
        groups.AddRange(councils.GroupBy(c => c.TypeCode).Select(g => new GroupInfo(Breakdowns.Type, g.Key, g.Min(c => c.TypeName)!))
            .OrderBy(g => g.Key, StringComparer.Ordinal));
        groups.AddRange(councils.GroupBy(c => c.RegionCode).Select(g => new GroupInfo(Breakdowns.Region, g.Key, g.Min(c => c.RegionName)!))
            .OrderBy(g => g.Key, StringComparer.Ordinal));
        groups.AddRange(councils.Select(c => c.Tier).Distinct().Order(StringComparer.Ordinal).Select(t => new GroupInfo(Breakdowns.Tier, t, t)));
        groups.AddRange(Enumerable.Range(1, MaturityLevels.Count)
            .Select(level => new GroupInfo(Breakdowns.Maturity, level.ToString(CultureInfo.InvariantCulture), MaturityLevels.Names[level])));
        return groups;
    }

    private ResponseSummary BuildResponses()
    {
        var rates = new List<ResponseRate>();
        foreach (var breakdown in new[] { Breakdowns.Sector, Breakdowns.Type, Breakdowns.Region, Breakdowns.Tier })
        {
            foreach (var group in GroupsOf(breakdown))
            {
                var registered = Sum(_data.Registered, breakdown, group);
                var submitted = Sum(_data.Submitted, breakdown, group);
                rates.Add(new ResponseRate(
                    breakdown, group, registered, Sum(_data.Invited, breakdown, group), submitted, Round(Descriptive.Percent(submitted, registered))));
            }
        }

        var returns = _data.Returns.GroupBy(r => r.CouncilId).ToDictionary(g => g.Key, g => g.First());
        var notSubmitted = _data.Councils
            .Where(c => !_submittedById.ContainsKey(c.Id))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new CouncilStatus(
                c.Code, c.Name, c.TypeCode, c.RegionCode, _data.InvitedCouncilIds.Contains(c.Id),
                returns.TryGetValue(c.Id, out var r) ? r.Status.ToString() : "None"))
            .ToList();
        return new ResponseSummary(rates, notSubmitted);

        static int Sum(IReadOnlyList<GroupCount> counts, string breakdown, string group) =>
            counts.Where(c => GroupKeys.Of(breakdown, c) == group).Sum(c => c.Count);
    }

    private List<CouncilResult> BuildCouncils(Dictionary<string, Dictionary<int, ScoreValue>> dimensionValues)
    {
        var dimensionIds = dimensionValues.Keys.Where(k => k != ReturnScore.Overall).Order(StringComparer.Ordinal).ToList();
        var peerIds = dimensionValues.Keys.OrderBy(k => k == ReturnScore.Overall ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var results = new List<CouncilResult>();

        // Note: every council in a group shares the group's values and summary; computing them once per
        // group, not once per council, keeps a run linear in councils (it was quadratic: 11 s for 2,000).
        var groupStats = new Dictionary<(string Id, string Breakdown, string Group), (double[] Sorted, Summary Summary)>();
        foreach (var council in _submitted)
        {
            var scores = dimensionIds
                .Where(id => dimensionValues[id].ContainsKey(council.Council.Id))
                .Select(id => dimensionValues[id][council.Council.Id])
                .Select(s => new DimensionScore(s.DimensionId, Round(s.Score), s.Status))
                .ToList();
            var peers = new List<PeerPosition>();
            foreach (var id in peerIds)
            {
                var own = dimensionValues[id].TryGetValue(council.Council.Id, out var value) ? value.Score : null;
                foreach (var breakdown in PeerBreakdowns)
                {
                    var group = GroupKeys.Of(breakdown, council.Council, council.Return.MaturityLevel)!;
                    if (!groupStats.TryGetValue((id, breakdown, group), out var stats))
                    {
                        var values = ScoredValues(dimensionValues[id], breakdown, group);
                        stats = groupStats[(id, breakdown, group)] = ([.. values.Order()], Descriptive.Summarise(values));
                    }

                    var summary = stats.Summary;
                    peers.Add(new PeerPosition(
                        id, breakdown, group, summary.N, Round(summary.Median), Round(summary.LowerQuartile), Round(summary.UpperQuartile),
                        own is { } score ? Round(Descriptive.PercentileRankSorted(stats.Sorted, score)) : null,
                        summary.N >= _threshold));
                }
            }

            results.Add(new CouncilResult(
                council.Council.Code, council.Council.Name, council.Council.TypeCode, council.Council.RegionCode, council.Council.Tier,
                Round(council.Return.OverallScore), council.Return.MaturityLevel, scores, peers));
        }

        return results;
    }

    private List<double> ScoredValues(Dictionary<int, ScoreValue> values, string breakdown, string group) =>
        [.. InGroup(breakdown, group)
            .Select(s => values.TryGetValue(s.Council.Id, out var v) ? v.Score : null)
            .OfType<double>()];

    private QuestionResult BuildQuestion(QuestionShape question)
    {
        var groups = new List<QuestionGroup>();
        if (question.Kind == QuestionKinds.Number)
        {
            var numbers = _data.Numbers.Where(n => n.QuestionId == question.Id && _submittedById.ContainsKey(n.CouncilId)).ToList();
            foreach (var breakdown in Breakdowns.Ordered)
            {
                foreach (var group in GroupsOf(breakdown))
                {
                    var inGroup = numbers
                        .Where(n => GroupKeys.Of(breakdown, _submittedById[n.CouncilId].Council, _submittedById[n.CouncilId].Return.MaturityLevel) == group)
                        .Select(n => n.Value);
                    var stats = ToStats(Descriptive.Summarise(inGroup));
                    groups.Add(new QuestionGroup(breakdown, group, stats.N, [], stats));
                }
            }

            return new QuestionResult(question.Id, question.Kind, groups);
        }

        var isChoice = QuestionKinds.IsChoice(question.Kind);
        var counts = (isChoice ? _data.ChoiceCounts : _data.SelectionCounts).Where(c => c.QuestionId == question.Id).ToList();
        var answered = _data.AnsweredCounts.Where(c => c.QuestionId == question.Id).ToList();
        var extra = counts.Select(c => c.Value).Where(v => !question.Options.Contains(v)).Distinct().Order(StringComparer.Ordinal);
        var values = question.Options.Distinct().Concat(extra).ToList();
        foreach (var breakdown in Breakdowns.Ordered)
        {
            foreach (var group in GroupsOf(breakdown))
            {
                var inGroup = counts.Where(c => GroupKeys.Of(breakdown, c) == group).ToList();
                var byValue = values.Select(v => (Value: v, Count: inGroup.Where(c => c.Value == v).Sum(c => c.Count))).ToList();
                var total = isChoice ? byValue.Sum(v => v.Count) : answered.Where(c => GroupKeys.Of(breakdown, c) == group).Sum(c => c.Count);
                groups.Add(new QuestionGroup(
                    breakdown,
                    group,
                    total,
                    [.. byValue.Select(v => new OptionCount(v.Value, v.Count, Round(Descriptive.Percent(v.Count, total))))],
                    null));
            }
        }

        return new QuestionResult(question.Id, question.Kind, groups);
    }

    private DimensionResult BuildDimension(string id, Dictionary<int, ScoreValue> values)
    {
        var groups = new List<DimensionGroup>();
        foreach (var breakdown in Breakdowns.Ordered)
        {
            foreach (var group in GroupsOf(breakdown))
            {
                var members = InGroup(breakdown, group).Where(s => values.ContainsKey(s.Council.Id)).Select(s => values[s.Council.Id]).ToList();
                var stats = ToStats(Descriptive.Summarise(members.Select(m => m.Score).OfType<double>()));
                groups.Add(new DimensionGroup(breakdown, group, stats, members.Count(m => m.Score is null)));
            }
        }

        return new DimensionResult(id, groups);
    }

    private List<MaturityResult> BuildMaturity()
    {
        var results = new List<MaturityResult>();
        foreach (var breakdown in Breakdowns.Ordered.Where(b => b != Breakdowns.Maturity))
        {
            foreach (var group in GroupsOf(breakdown))
            {
                var levels = InGroup(breakdown, group).Select(s => s.Return.MaturityLevel).OfType<int>().ToList();
                var distribution = Descriptive.MaturityDistribution(levels);
                results.Add(new MaturityResult(
                    breakdown,
                    group,
                    distribution.Sum(l => l.Count),
                    [.. distribution.Select(l => new LevelCount(l.Level, MaturityLevels.Names[l.Level], l.Count, Round(l.Percent)))]));
            }
        }

        return results;
    }
}

/// <summary>A council with its submitted return.</summary>
internal sealed record SubmittedCouncil(CouncilInfo Council, ReturnInfo Return);
