using System.Globalization;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Responses;

/// <summary>
/// Writes an answer's value into its row: the JSON is the record; <see cref="Answer.Choice"/>,
/// <see cref="Answer.Number"/>, <see cref="Answer.TickCount"/> and the selections are derived from it for
/// counting in the database.
/// </summary>
public static class AnswerStorage
{
    /// <summary>The stored code for "don't know" in <see cref="Answer.Choice"/>.</summary>
    public const string DontKnowCode = "dont-know";

    public static void Apply(Answer row, Question question, AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(value);

        row.ValueJson = value.ToJson();
        row.Choice = ChoiceOf(question, value);
        row.Number = question.Type == QuestionType.Number && value.Number is { } n ? (double)n : null;
        row.Selections.Clear();
        row.TickCount = null;
        if (question.Type == QuestionType.MultipleChoice)
        {
            foreach (var option in value.Options ?? [])
            {
                row.Selections.Add(new AnswerSelection { ReturnId = row.ReturnId, QuestionId = row.QuestionId, Value = option });
            }

            row.TickCount = row.Selections.Count;
        }
    }

    private static string? ChoiceOf(Question question, AnswerValue value)
    {
        if (value.DontKnow)
        {
            return DontKnowCode;
        }

        return question.Type switch
        {
            QuestionType.SingleChoice => value.Options is [var only] ? only : null,
            QuestionType.YesNo => value.YesNo switch { true => "yes", false => "no", _ => null },
            QuestionType.Likert => value.Number?.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
