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
    public static ExportModel Map(ReportSource source, ReadinessDbContext db)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(db);
        return new ExportModel
        {
            About = source.About($"{source.Definition.Title}: {source.RoundName}, responses"),
            Questions = Questions(source.Definition),
            Rows = RowsAsync(db, source.RoundId, source.Definition),
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
    /// One query, answers left-joined to their return and ordered by return id, read as a stream; a row
    /// is yielded when the next return starts. The JSON is read only where the counting columns do not
    /// already hold the answer (multiple choice and text), which keeps large exports fast.
    /// </summary>
    public static async IAsyncEnumerable<ExportRow> RowsAsync(ReadinessDbContext db, int roundId, SurveyDefinition definition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);

        // Councils are bounded by the register, not by the rows, so they are looked up in memory.
        var councils = await db.Councils.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.Name, c.TypeName, c.RegionName })
            .ToDictionaryAsync(c => c.Id, cancellationToken);

        var stream =
            from r in db.Returns.AsNoTracking()
            where r.RoundId == roundId && r.Status == ReturnStatus.Submitted
            from a in db.Answers.Where(a => a.ReturnId == r.Id).DefaultIfEmpty()
            orderby r.Id
            select new
            {
                ReturnId = r.Id,
                r.CouncilId,
                r.SubmittedAt,
                r.OverallScore,
                r.MaturityLevel,
                QuestionId = a == null ? null : a.QuestionId,
                Json = a == null || a.Choice != null || a.Number != null ? null : a.ValueJson,
                Choice = a == null ? null : a.Choice,
                Number = a == null ? null : a.Number,
            };

        var currentId = -1;
        ExportRow? current = null;
        Dictionary<string, ExportAnswer>? answers = null;
        await foreach (var line in stream.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (line.ReturnId != currentId)
            {
                if (current is not null)
                {
                    yield return current;
                }

                currentId = line.ReturnId;
                var council = councils.GetValueOrDefault(line.CouncilId);
                answers = new Dictionary<string, ExportAnswer>(StringComparer.Ordinal);
                current = new ExportRow
                {
                    CouncilCode = council?.Code ?? "",
                    CouncilName = council?.Name ?? "",
                    CouncilType = council?.TypeName ?? "",
                    Region = council?.RegionName ?? "",
                    Status = "Submitted",
                    SubmittedAt = line.SubmittedAt,
                    Overall = SectorReportMapper.ToDecimal(line.OverallScore),
                    Level = line.MaturityLevel,
                    Answers = answers,
                };
            }

            if (line.QuestionId is { } questionId && definition.FindQuestion(questionId) is { } question)
            {
                answers![questionId] = AnswerOf(question, StoredAnswers.Parse(question, line.Json, line.Choice, line.Number));
            }
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    private static ExportAnswer AnswerOf(Question question, AnswerValue value) => question.Type switch
    {
        QuestionType.Number => new ExportAnswer([], value.Number),
        QuestionType.Text or QuestionType.LongText => new ExportAnswer([], null, value.Text),
        QuestionType.MultipleChoice => new ExportAnswer(value.Options ?? [], null, null, value.Other),
        _ => new ExportAnswer(StoredAnswers.CodesOf(question, value)),
    };
}
