using System.Runtime.CompilerServices;
using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Reads a round's submitted returns, one <see cref="ExportRow"/> per return in return-id order, each
/// with the answers of its latest submission record that apply to it (<see cref="SubmittedAnswers"/>).
/// </summary>
public static class ExportRowReader
{
    public static async IAsyncEnumerable<ExportRow> RowsAsync(
        ReadinessDbContext db, int roundId, SurveyDefinition definition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        foreach (var r in await SubmittedAnswers.ReadAsync(db, roundId, definition, cancellationToken))
        {
            yield return Row(definition, r);
        }
    }

    private static ExportRow Row(SurveyDefinition definition, SubmittedReturn r)
    {
        var answers = new Dictionary<string, ExportAnswer>(StringComparer.Ordinal);
        foreach (var (questionId, value) in r.Answers)
        {
            if (definition.FindQuestion(questionId) is { } question)
            {
                answers[questionId] = Of(question, value);
            }
        }

        return new ExportRow
        {
            CouncilCode = r.Council.Code,
            CouncilName = r.Council.Name,
            CouncilType = r.Council.TypeName,
            Region = r.Council.RegionName,
            Tier = Councils.CouncilTiers.Label(r.Council.Tier),
            Status = "Submitted",
            SubmittedAt = r.SubmittedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
            Overall = r.OverallScore is { } o ? SectorReportMapper.ToDecimal(o) : null,
            Level = r.MaturityLevel,
            Answers = answers,
        };
    }

    /// <summary>The export's form of an answer.</summary>
    private static ExportAnswer Of(Question question, AnswerValue value) => question.Type switch
    {
        QuestionType.Number => new ExportAnswer([], value.Number),
        QuestionType.Text or QuestionType.LongText => new ExportAnswer([], null, value.Text),
        QuestionType.MultipleChoice => new ExportAnswer(value.Options ?? [], null, null, value.Other),
        _ => new ExportAnswer(StoredAnswers.CodesOf(question, value)),
    };
}
