using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>Free text of submitted returns (text and long-text answers, "Other" boxes) for the internal workbook.</summary>
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

        var rows = await (
                from a in db.Answers.AsNoTracking()
                join r in db.Returns on a.ReturnId equals r.Id
                join c in db.Councils on r.CouncilId equals c.Id
                where r.RoundId == roundId && r.Status == ReturnStatus.Submitted && ids.Contains(a.QuestionId)
                select new { c.Code, c.Name, a.QuestionId, a.ValueJson, a.Choice, a.Number })
            .ToListAsync(cancellationToken);

        var text = new List<FreeTextRow>();
        foreach (var row in rows)
        {
            var question = definition.FindQuestion(row.QuestionId)!;
            var value = StoredAnswers.Parse(question, row.ValueJson, row.Choice, row.Number);
            var typed = question.Type is QuestionType.Text or QuestionType.LongText ? value.Text : value.Other;
            if (!string.IsNullOrWhiteSpace(typed))
            {
                var label = question.Type is QuestionType.Text or QuestionType.LongText ? question.Text : $"{question.Text} ({question.Other?.Label ?? "Other"})";
                text.Add(new FreeTextRow(row.Code, row.Name, question.Id, label, typed));
            }
        }

        return text
            .OrderBy(t => definition.OrderOf(t.QuestionId))
            .ThenBy(t => t.CouncilName, StringComparer.Ordinal)
            .ToList();
    }
}
