using System.Globalization;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Responses;

/// <summary>Answers as plain English, for "check your answers", conflicts and reports.</summary>
public static class AnswerDisplay
{
    private static readonly CultureInfo s_uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Text(Question question, AnswerValue? value)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (value is null || value.IsEmpty)
        {
            return "Not answered";
        }

        if (value.DontKnow)
        {
            return question.DontKnow ?? "Don't know";
        }

        return question.Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleChoice => Choices(question, value),
            QuestionType.Likert when value.Number is { } n =>
                question.Points.FirstOrDefault(p => p.Point == n) is { } point ? $"{point.Point} - {point.Label}" : n.ToString(s_uk),
            QuestionType.YesNo => value.YesNo == true ? "Yes" : "No",
            QuestionType.Number when value.Number is { } n => n.ToString("#,0.##", s_uk) + (question.Unit is { } unit ? " " + unit : ""),
            _ => value.Text ?? "",
        };
    }

    private static string Choices(Question question, AnswerValue value)
    {
        var labels = (value.Options ?? []).Select(v => question.FindOption(v)?.Label ?? v).ToList();
        if (!string.IsNullOrWhiteSpace(value.Other))
        {
            labels.Add($"{question.Other?.Label ?? "Other"}: {value.Other}");
        }

        return string.Join(", ", labels);
    }

    /// <summary>"3 December 2024 at 14:15 UK time": the one convention (<see cref="UkTime"/>).</summary>
    public static string When(DateTime utc) => UkTime.Format(utc);
}
