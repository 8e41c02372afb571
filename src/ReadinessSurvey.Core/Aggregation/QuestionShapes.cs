using System.Globalization;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Aggregation;

/// <summary>Turns a survey definition into the <see cref="QuestionShape"/> list an aggregation run counts.</summary>
public static class QuestionShapes
{
    /// <summary>
    /// One shape per answerable question, in definition order. Option values are the codes stored in
    /// aggregation counts (<see cref="AnswerCounts"/>): option values, Likert points "1".."5", "yes"/"no", and
    /// <see cref="AnswerStorage.DontKnowCode"/> where a Likert or yes/no question offers "don't know".
    /// Council-profile questions are left out: they come from the register, not from answers. So are questions
    /// about the contributor (e.g. their role): they describe people, not councils.
    /// </summary>
    public static IReadOnlyList<QuestionShape> From(SurveyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return [.. definition.Questions.Where(q => q.Type != QuestionType.Council && !q.IsAboutContributor).Select(From)];
    }

    public static QuestionShape From(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Type switch
        {
            QuestionType.SingleChoice => new(question.Id, QuestionKinds.SingleChoice, [.. question.Options.Select(o => o.Value)]),
            QuestionType.MultipleChoice => new(question.Id, QuestionKinds.Multiple, [.. question.Options.Select(o => o.Value)])
            {
                ShownToSome = OptionsShownToSome(question),
            },
            QuestionType.YesNo => new(question.Id, QuestionKinds.YesNo, WithDontKnow(question, ["yes", "no"])),
            QuestionType.Likert => new(question.Id, QuestionKinds.Likert,
                WithDontKnow(question, [.. question.Points.Select(p => p.Point.ToString(CultureInfo.InvariantCulture))])),
            QuestionType.Number => QuestionShape.Number(question.Id),
            QuestionType.Text or QuestionType.LongText => new(question.Id, QuestionKinds.Text, []),
            _ => throw new ArgumentException($"Question {question.Id} is of type {question.Type}, which aggregation cannot count.", nameof(question)),
        };
    }

    /// <summary>
    /// The options of a multiple-choice question that have their own display condition, so their base is the
    /// councils shown them. A single-choice question's options keep the question's base (its shares add up to
    /// 100): where its options depend on earlier answers, as in "the single biggest barrier" of those ticked,
    /// the share is of everyone who answered (decision 0081).
    /// </summary>
    public static IReadOnlyList<string> OptionsShownToSome(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Type == QuestionType.MultipleChoice
            ? [.. question.Options.Where(o => o.ShowIf is not null).Select(o => o.Value)]
            : [];
    }

    private static List<string> WithDontKnow(Question question, List<string> values)
    {
        if (question.DontKnow is not null)
        {
            values.Add(AnswerStorage.DontKnowCode);
        }

        return values;
    }
}
