using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>Free text of submitted returns that applies to them (text and long-text answers, "Other" boxes) for the internal workbook.</summary>
public static class FreeTextReader
{
    public static async Task<IReadOnlyList<FreeTextRow>> ReadAsync(ReadinessDbContext db, int roundId, SurveyDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        var ids = definition.Questions
            .Where(q => q.Type is QuestionType.Text or QuestionType.LongText || q.Other is not null)
            .Select(q => q.Id)
            .ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var text = new List<FreeTextRow>();
        foreach (var r in await SubmittedAnswers.ReadAsync(db, roundId, definition, cancellationToken))
        {
            foreach (var id in ids)
            {
                var question = definition.FindQuestion(id)!;
                var value = r.Answers.Get(id);
                var typed = question.Type is QuestionType.Text or QuestionType.LongText ? value?.Text : value?.Other;
                if (!string.IsNullOrWhiteSpace(typed))
                {
                    var label = question.Type is QuestionType.Text or QuestionType.LongText ? question.Text : $"{question.Text} ({question.Other?.Label ?? "Other"})";
                    text.Add(new FreeTextRow(r.Council.Code, r.Council.Name, question.Id, label, typed));
                }
            }
        }

        return text
            .OrderBy(t => definition.OrderOf(t.QuestionId))
            .ThenBy(t => t.CouncilName, StringComparer.Ordinal)
            .ToList();
    }
}
