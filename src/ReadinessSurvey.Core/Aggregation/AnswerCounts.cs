using System.Globalization;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Counts a round's submitted answers and dimension scores per group of every breakdown, in memory: a
/// round holds at most one return per council (339), so this is a few thousand dictionary updates.
/// </summary>
internal static class AnswerCounts
{
    /// <summary>The stored code of a choice answer (single choice, yes/no, Likert point, or "dont-know"), or null.</summary>
    public static string? ChoiceOf(string kind, AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.DontKnow)
        {
            return AnswerStorage.DontKnowCode;
        }

        return kind switch
        {
            QuestionKinds.SingleChoice => value.Options is [var only] ? only : null,
            QuestionKinds.YesNo => value.YesNo switch { true => "yes", false => "no", _ => null },
            QuestionKinds.Likert => value.Number?.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>
    /// Choices, multiple-choice bases, ticks and numbers of the returns' answers to the questions. The
    /// multiple-choice bases are rows with a null Value (councils that answered) and, for each option
    /// shown only to some councils, rows with the option as Value (councils that answered and were shown it).
    /// </summary>
    /// <param name="definition">Decides which options each return was shown; null: every option to everyone.</param>
    public static (List<BreakdownCount> Choices, List<BreakdownCount> Answered, List<BreakdownCount> Ticks, List<BreakdownCount> Numbers) Count(
        IReadOnlyList<SubmittedReturn> returns, IReadOnlyList<QuestionShape> questions, SurveyDefinition? definition = null)
    {
        var anyShownToSome = questions.Any(q => q.ShownToSome.Count > 0);
        var choices = new Counter();
        var answered = new Counter();
        var ticks = new Counter();
        var numbers = new Counter();
        foreach (var r in returns)
        {
            var groups = GroupsOf(r.Council.TypeCode, r.Council.RegionCode, r.Council.Tier, r.MaturityLevel);
            var shown = definition is null || !anyShownToSome
                ? null
                : DisplayLogic.Evaluate(definition, ReturnWorkspace.ProfileOf(r.Council), r.Answers);
            foreach (var question in questions)
            {
                if (r.Answers.Get(question.Id) is not { } value)
                {
                    continue;
                }

                switch (question.Kind)
                {
                    case var kind when QuestionKinds.IsChoice(kind):
                        if (ChoiceOf(kind, value) is { } choice)
                        {
                            choices.Add(question.Id, choice, null, groups);
                        }

                        break;
                    case QuestionKinds.Multiple when value.Options is { Count: > 0 } options:
                        answered.Add(question.Id, null, null, groups);
                        foreach (var option in question.ShownToSome.Where(o => shown?.IsOptionVisible(question.Id, o) ?? true))
                        {
                            answered.Add(question.Id, option, null, groups);
                        }

                        foreach (var option in options.Distinct(StringComparer.Ordinal))
                        {
                            ticks.Add(question.Id, option, null, groups);
                        }

                        break;
                    case QuestionKinds.Number when value.Number is { } number:
                        numbers.Add(question.Id, null, (double)number, groups);
                        break;
                }
            }
        }

        return (choices.Rows(), answered.Rows(), ticks.Rows(), numbers.Rows());
    }

    /// <summary>How many councils have each score (null: insufficient data or dropped) on each dimension.</summary>
    public static List<BreakdownCount> Scores(IEnumerable<(string DimensionId, double? Score, string TypeCode, string RegionCode, string Tier, int? MaturityLevel)> scores)
    {
        var counter = new Counter();
        foreach (var s in scores)
        {
            counter.Add(s.DimensionId, null, s.Score, GroupsOf(s.TypeCode, s.RegionCode, s.Tier, s.MaturityLevel));
        }

        return counter.Rows();
    }

    /// <summary>The group of each breakdown a council is in (none for maturity when it has no level).</summary>
    private static List<(string Breakdown, string Group)> GroupsOf(string typeCode, string regionCode, string tier, int? maturityLevel) =>
        [.. Breakdowns.Ordered
            .Select(b => (Breakdown: b, Group: GroupKeys.Of(b, typeCode, regionCode, tier, maturityLevel)))
            .Where(g => g.Group is not null)
            .Select(g => (g.Breakdown, g.Group!))];

    private sealed class Counter
    {
        private readonly Dictionary<(string Id, string? Value, double? Number, string Breakdown, string Group), int> _counts = [];

        public void Add(string id, string? value, double? number, List<(string Breakdown, string Group)> groups)
        {
            foreach (var (breakdown, group) in groups)
            {
                var key = (id, value, number, breakdown, group);
                _counts[key] = _counts.GetValueOrDefault(key) + 1;
            }
        }

        public List<BreakdownCount> Rows() =>
            [.. _counts.Select(c => new BreakdownCount(c.Key.Id, c.Key.Value, c.Key.Number, c.Key.Breakdown, c.Key.Group, c.Value))];
    }
}

/// <summary>
/// How many councils in one group of a breakdown gave a value to a question or dimension: Value for
/// choices and ticks (null on the base rows of a multiple-choice question), Number for numbers and scores
/// (null: no score).
/// </summary>
public sealed record BreakdownCount(string Id, string? Value, double? Number, string Breakdown, string Group, int Count);
