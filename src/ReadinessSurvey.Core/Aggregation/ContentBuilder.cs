using System.Globalization;
using ReadinessSurvey.Aggregation.Statistics;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Builds the internal view of a snapshot from what the queries counted. No I/O. Everything here works
/// on finest cells (submitted councils), per-group counts and (value, count) pairs, so its cost does not
/// grow with the number of councils; each
/// council's profile and peer positions are rows written by the database (<see cref="SnapshotCouncilWriter"/>).
/// </summary>
internal sealed class ContentBuilder
{
    private readonly AggregationData _data;
    private readonly int _threshold;
    private readonly IReadOnlyList<GroupInfo> _groups;
    private readonly Dictionary<Cell, int> _cells = [];
    private readonly Dictionary<(string Breakdown, string Group), List<KeyValuePair<Cell, int>>> _cellsInGroup = [];

    public ContentBuilder(AggregationData data, int threshold)
    {
        _data = data;
        _threshold = threshold;
        foreach (var row in data.Submitted)
        {
            _cells[Cell.Of(row)] = _cells.GetValueOrDefault(Cell.Of(row)) + row.Count;
        }

        SubmittedCount = _cells.Values.Sum();
        _groups = BuildGroups(data.RegisterGroups);
    }

    /// <summary>How many councils submitted.</summary>
    public int SubmittedCount { get; }

    public SnapshotContent Build()
    {
        var dimensionIds = _data.Scores.Select(s => s.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        return new SnapshotContent(
            _data.RoundId,
            Published: false,
            _threshold,
            _groups,
            BuildResponses(),
            [],
            [.. _data.Questions.Where(q => q.Kind != QuestionKinds.Text).OrderBy(q => q.Id, StringComparer.Ordinal).Select(BuildQuestion)],
            [BuildDimension(ReturnScore.Overall, OverallByGroup()), .. dimensionIds.Select(id => BuildDimension(id, [.. _data.Scores.Where(s => s.Id == id)]))],
            BuildMaturity());
    }

    /// <summary>Groups of a breakdown, ordered by key.</summary>
    public IEnumerable<string> GroupsOf(string breakdown) => _groups.Where(g => g.Breakdown == breakdown).Select(g => g.Key);

    /// <summary>The non-empty finest cells in a group, with how many submitted councils each holds.</summary>
    public IReadOnlyList<KeyValuePair<Cell, int>> CellsIn(string breakdown, string group)
    {
        if (!_cellsInGroup.TryGetValue((breakdown, group), out var cells))
        {
            _cellsInGroup[(breakdown, group)] = cells = [.. _cells.Where(c => GroupKeys.Of(breakdown, c.Key) == group)];
        }

        return cells;
    }

    /// <summary>Submitted councils in a group.</summary>
    public int CountIn(string breakdown, string group) => CellsIn(breakdown, group).Sum(c => c.Value);

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

    private static List<GroupInfo> BuildGroups(IReadOnlyList<GroupInfo> register)
    {
        List<GroupInfo> groups = [new(Breakdowns.Sector, Breakdowns.AllGroup, "All councils")];
        foreach (var breakdown in new[] { Breakdowns.Type, Breakdowns.Region, Breakdowns.Tier })
        {
            groups.AddRange(register.Where(g => g.Breakdown == breakdown).OrderBy(g => g.Key, StringComparer.Ordinal));
        }

        groups.AddRange(Enumerable.Range(1, MaturityLevels.Count)
            .Select(level => new GroupInfo(Breakdowns.Maturity, level.ToString(CultureInfo.InvariantCulture), MaturityLevels.Names[level])));
        return groups;
    }

    /// <summary>The counted rows of one breakdown, by group.</summary>
    private static Dictionary<string, List<BreakdownCount>> ByGroup(IEnumerable<BreakdownCount> rows, string breakdown)
    {
        var groups = new Dictionary<string, List<BreakdownCount>>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Breakdown == breakdown))
        {
            if (!groups.TryGetValue(row.Group, out var list))
            {
                groups[row.Group] = list = [];
            }

            list.Add(row);
        }

        return groups;
    }

    /// <summary>The numbers behind (number, count) pairs, each as many times as it was counted; nulls left out.</summary>
    private static IEnumerable<double> Expand(IEnumerable<BreakdownCount> rows) =>
        rows.Where(r => r.Number is not null).SelectMany(r => Enumerable.Repeat(r.Number!.Value, r.Count));

    /// <summary>The overall scores of the submitted councils (counted per finest cell) summed into each breakdown's groups.</summary>
    private List<BreakdownCount> OverallByGroup() =>
        [.. from row in _data.Submitted
            from breakdown in Breakdowns.Ordered
            let key = GroupKeys.Of(breakdown, Cell.Of(row))
            where key is not null
            group row.Count by (row.Value, breakdown, key) into g
            select new BreakdownCount(ReturnScore.Overall, null, g.Key.Value, g.Key.breakdown, g.Key.key, g.Sum())];

    private ResponseSummary BuildResponses()
    {
        var rates = new List<ResponseRate>();
        foreach (var breakdown in new[] { Breakdowns.Sector, Breakdowns.Type, Breakdowns.Region, Breakdowns.Tier })
        {
            foreach (var group in GroupsOf(breakdown))
            {
                var registered = Sum(_data.Registered, breakdown, group);
                var submitted = CountIn(breakdown, group);
                rates.Add(new ResponseRate(
                    breakdown, group, registered, Sum(_data.Invited, breakdown, group), submitted, Round(Descriptive.Percent(submitted, registered))));
            }
        }

        var notSubmitted = _data.NotSubmitted
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new CouncilStatus(c.Code, c.Name, c.TypeCode, c.RegionCode, c.Invited, c.Status?.ToString() ?? "None"))
            .ToList();
        return new ResponseSummary(rates, notSubmitted);

        static int Sum(IReadOnlyList<GroupCount> counts, string breakdown, string group) =>
            counts.Where(c => GroupKeys.Of(breakdown, c) == group).Sum(c => c.Count);
    }

    private QuestionResult BuildQuestion(QuestionShape question)
    {
        var groups = new List<QuestionGroup>();
        if (question.Kind == QuestionKinds.Number)
        {
            var numbers = _data.Numbers.Where(n => n.Id == question.Id).ToList();
            foreach (var breakdown in Breakdowns.Ordered)
            {
                var byGroup = ByGroup(numbers, breakdown);
                foreach (var group in GroupsOf(breakdown))
                {
                    var stats = ToStats(Descriptive.Summarise(Expand(byGroup.GetValueOrDefault(group) ?? [])));
                    groups.Add(new QuestionGroup(breakdown, group, stats.N, [], stats));
                }
            }

            return new QuestionResult(question.Id, question.Kind, groups);
        }

        var isChoice = QuestionKinds.IsChoice(question.Kind);
        var counts = (isChoice ? _data.Choices : _data.Ticks).Where(c => c.Id == question.Id && c.Value is not null).ToList();
        var answered = isChoice ? [] : _data.Answered.Where(c => c.Id == question.Id).ToList();
        var ownBase = question.ShownToSome.ToHashSet(StringComparer.Ordinal);
        var extra = counts.Select(c => c.Value!).Where(v => !question.Options.Contains(v)).Distinct().Order(StringComparer.Ordinal);
        var values = question.Options.Distinct().Concat(extra).ToList();
        foreach (var breakdown in Breakdowns.Ordered)
        {
            var countsByGroup = ByGroup(counts, breakdown);
            var answeredByGroup = ByGroup(answered, breakdown);
            foreach (var group in GroupsOf(breakdown))
            {
                var inGroup = countsByGroup.GetValueOrDefault(group) ?? [];
                var byValue = values.Select(v => (Value: v, Count: inGroup.Where(c => c.Value == v).Sum(c => c.Count))).ToList();
                var answeredInGroup = answeredByGroup.GetValueOrDefault(group) ?? [];
                var total = isChoice ? byValue.Sum(v => v.Count) : answeredInGroup.Where(c => c.Value is null).Sum(c => c.Count);
                groups.Add(new QuestionGroup(
                    breakdown,
                    group,
                    total,
                    [.. byValue.Select(v => OptionOf(v.Value, v.Count, ownBase.Contains(v.Value) ? answeredInGroup.Where(c => c.Value == v.Value).Sum(c => c.Count) : total))],
                    null));
            }
        }

        return new QuestionResult(question.Id, question.Kind, groups, question.ShownToSome.Count == 0 ? null : question.ShownToSome);
    }

    /// <summary>
    /// The one definition of an answer's percentage that every output reads (decision 0081): the councils
    /// giving it as a share of the councils that answered the question and were shown the option, "Don't
    /// know" included in the base; no percentage when no council was shown it.
    /// </summary>
    internal static OptionCount OptionOf(string value, int count, int optionBase) =>
        new(value, count, Round(Descriptive.Percent(count, optionBase)), optionBase);

    /// <param name="values">How many councils in each group have each score (null: a council with the dimension but no score).</param>
    private DimensionResult BuildDimension(string id, IReadOnlyList<BreakdownCount> values)
    {
        var groups = new List<DimensionGroup>();
        foreach (var breakdown in Breakdowns.Ordered)
        {
            var byGroup = ByGroup(values, breakdown);
            foreach (var group in GroupsOf(breakdown))
            {
                var members = byGroup.GetValueOrDefault(group) ?? [];
                var stats = ToStats(Descriptive.Summarise(Expand(members)));
                groups.Add(new DimensionGroup(breakdown, group, stats, members.Where(m => m.Number is null).Sum(m => m.Count)));
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
                var levels = CellsIn(breakdown, group)
                    .Where(c => c.Key.MaturityLevel is not null)
                    .SelectMany(c => Enumerable.Repeat(c.Key.MaturityLevel!.Value, c.Value));
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
