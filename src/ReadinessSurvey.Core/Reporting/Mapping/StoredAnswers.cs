using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>Answers as reports show them.</summary>
public static class StoredAnswers
{
    /// <summary>The stored codes of an answer, as aggregation counts them (see <see cref="ReportSource.CodesOf"/>).</summary>
    public static IReadOnlyList<string> CodesOf(Question question, AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(value);
        if (value.DontKnow)
        {
            return [AnswerStorage.DontKnowCode];
        }

        return question.Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleChoice => value.Options ?? [],
            QuestionType.YesNo when value.YesNo is { } yes => [yes ? "yes" : "no"],
            QuestionType.Likert when value.Number is { } n => [n.ToString(CultureInfo.InvariantCulture)],
            _ => [],
        };
    }
}
