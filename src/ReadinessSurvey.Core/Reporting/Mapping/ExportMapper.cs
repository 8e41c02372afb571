using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Builds the response export: the codebook from the definition and one row per submitted return,
/// streamed from the database in return-id order so memory does not grow with the number of returns.
/// </summary>
public static class ExportMapper
{
    /// <param name="db">Reads the returns.</param>
    /// <param name="answersDb">A second context that reads the answers beside them.</param>
    public static ExportModel Map(ReportSource source, ReadinessDbContext db, ReadinessDbContext answersDb)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(db);
        return new ExportModel
        {
            About = source.About($"{source.Definition.Title}: {source.RoundName}, responses"),
            Questions = Questions(source.Definition),
            Rows = RowsAsync(db, answersDb, source.RoundId, source.Definition),
        };
    }

    public static IReadOnlyList<ExportQuestion> Questions(SurveyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var questions = new List<ExportQuestion>();
        foreach (var q in definition.Questions)
        {
            ExportQuestionKind? kind = q.Type switch
            {
                QuestionType.SingleChoice or QuestionType.Likert or QuestionType.YesNo => ExportQuestionKind.Choice,
                QuestionType.MultipleChoice => ExportQuestionKind.MultipleChoice,
                QuestionType.Number => ExportQuestionKind.Number,
                QuestionType.Text or QuestionType.LongText => ExportQuestionKind.Text,
                _ => null, // the council question is the row's identity columns
            };
            if (kind is { } k)
            {
                questions.Add(new ExportQuestion(
                    q.Id, q.Text, definition.SectionOf(q).Title, k,
                    ReportSource.CodesOf(q).Select(c => new ExportOption(c.Code, c.Label, c.Points)).ToList(),
                    HasOther: q.Other is not null,
                    Dimension: q.Dimension));
            }
        }

        return questions;
    }

    /// <summary>
    /// Two streams read side by side in return-id order and merged: the submitted returns, and their
    /// answers (ordered by the ReturnId index). Each is read with <c>AsAsyncEnumerable</c> on its own
    /// context (a connection runs one reader at a time on SQL Server without MARS), so memory holds one
    /// return at a time. The JSON is read only where the counting columns do not already hold the answer
    /// (multiple choice and text). Note: a single left join repeated the return's columns on every
    /// answer row and was about twice as slow.
    /// </summary>
    public static async IAsyncEnumerable<ExportRow> RowsAsync(
        ReadinessDbContext db, ReadinessDbContext answersDb, int roundId, SurveyDefinition definition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(answersDb);
        ArgumentNullException.ThrowIfNull(definition);

        // Councils are bounded by the register, not by the rows, so they are looked up in memory.
        var councils = await db.Councils.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.Name, c.TypeName, c.RegionName })
            .ToDictionaryAsync(c => c.Id, cancellationToken);

        var returns = db.Returns.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Status == ReturnStatus.Submitted)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.CouncilId, r.SubmittedAt, r.OverallScore, r.MaturityLevel })
            .AsAsyncEnumerable();
        var answers = (
                from a in answersDb.Answers.AsNoTracking()
                join r in answersDb.Returns on a.ReturnId equals r.Id
                where r.RoundId == roundId && r.Status == ReturnStatus.Submitted
                orderby a.ReturnId
                select new
                {
                    a.ReturnId,
                    a.QuestionId,
                    Json = a.Choice != null || a.Number != null ? null : a.ValueJson,
                    a.Choice,
                    a.Number,
                })
            .AsAsyncEnumerable();

        // Note: choice answers are shared immutable instances, one per (question, code): most cells of a
        // large export are choices, and this saves an allocation and a parse for each.
        var choices = new Dictionary<(string, string), ExportAnswer>();
        await using var pending = answers.GetAsyncEnumerator(cancellationToken);
        var more = await pending.MoveNextAsync();
        await foreach (var r in returns.WithCancellation(cancellationToken))
        {
            var values = new Dictionary<string, ExportAnswer>(StringComparer.Ordinal);
            for (; more && pending.Current.ReturnId <= r.Id; more = await pending.MoveNextAsync())
            {
                var line = pending.Current;
                if (line.ReturnId == r.Id && definition.FindQuestion(line.QuestionId) is { } question)
                {
                    values[line.QuestionId] = line.Choice is { } choice && question.Type != QuestionType.MultipleChoice
                        ? ChoiceAnswer(choices, line.QuestionId, choice)
                        : AnswerOf(question, StoredAnswers.Parse(question, line.Json, line.Choice, line.Number));
                }
            }

            var council = councils.GetValueOrDefault(r.CouncilId);
            yield return new ExportRow
            {
                CouncilCode = council?.Code ?? "",
                CouncilName = council?.Name ?? "",
                CouncilType = council?.TypeName ?? "",
                Region = council?.RegionName ?? "",
                Status = "Submitted",
                SubmittedAt = r.SubmittedAt,
                Overall = SectorReportMapper.ToDecimal(r.OverallScore),
                Level = r.MaturityLevel,
                Answers = values,
            };
        }
    }

    private static ExportAnswer ChoiceAnswer(Dictionary<(string, string), ExportAnswer> cache, string questionId, string code)
    {
        if (!cache.TryGetValue((questionId, code), out var answer))
        {
            answer = new ExportAnswer([code]);
            cache[(questionId, code)] = answer;
        }

        return answer;
    }

    private static ExportAnswer AnswerOf(Question question, AnswerValue value) => question.Type switch
    {
        QuestionType.Number => new ExportAnswer([], value.Number),
        QuestionType.Text or QuestionType.LongText => new ExportAnswer([], null, value.Text),
        QuestionType.MultipleChoice => new ExportAnswer(value.Options ?? [], null, null, value.Other),
        _ => new ExportAnswer(StoredAnswers.CodesOf(question, value)),
    };
}
