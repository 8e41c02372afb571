using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Responses;

/// <summary>
/// A submitted return as every report reads it: its council, its result, and the answers of its latest
/// submission record that apply to it under the survey's display logic.
/// </summary>
public sealed record SubmittedReturn(
    int ReturnId, Council Council, DateTime? SubmittedAt, double? OverallScore, int? MaturityLevel, int Version, AnswerSet Answers);

/// <summary>
/// Reads a round's submitted returns with their answers. The submission record
/// (<see cref="SubmissionEvent.AnswersJson"/>) is the source for submitted answers: a submitted return
/// cannot be saved, and reopening and submitting again writes a new record. Answers the display logic
/// hides for that return (a question after a routing answer that skips it, an option shown only to
/// other council types) are dropped here, so they are counted nowhere: dashboards, workbooks, export, API.
/// </summary>
public static class SubmittedAnswers
{
    /// <summary>The round's submitted returns in return-id order.</summary>
    /// <param name="definition">The round's survey definition, whose display logic decides what applies;
    /// null keeps every stored answer (aggregation tests that count made-up question shapes).</param>
    public static async Task<List<SubmittedReturn>> ReadAsync(
        ReadinessDbContext db, int roundId, SurveyDefinition? definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Returns.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Status == ReturnStatus.Submitted)
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.Council,
                r.SubmittedAt,
                r.OverallScore,
                r.MaturityLevel,
                r.Version,
                Json = r.History.Where(e => e.Kind == SubmissionEventKind.Submitted).OrderByDescending(e => e.Id).Select(e => e.AnswersJson).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SubmittedReturn(
            r.Id, r.Council!, r.SubmittedAt, r.OverallScore, r.MaturityLevel, r.Version, Applying(definition, r.Council!, r.Json)))];
    }

    /// <summary>The applying answers of one submitted return by question id (empty when it has no submission record).</summary>
    public static async Task<AnswerSet> ForReturnAsync(ReadinessDbContext db, int returnId, SurveyDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Returns.AsNoTracking()
            .Where(r => r.Id == returnId)
            .Select(r => new
            {
                r.Council,
                Json = r.History.Where(e => e.Kind == SubmissionEventKind.Submitted).OrderByDescending(e => e.Id).Select(e => e.AnswersJson).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        return Applying(definition, row.Council!, row.Json);
    }

    /// <summary>The answers of one submission record that apply to the council (all of them without a definition).</summary>
    public static AnswerSet Applying(SurveyDefinition? definition, Council council, string? answersJson)
    {
        ArgumentNullException.ThrowIfNull(council);
        var answers = string.IsNullOrEmpty(answersJson) ? AnswerSet.Empty : AnswerSet.FromJson(answersJson);
        return definition is null
            ? answers
            : DisplayLogic.Evaluate(definition, ReturnWorkspace.ProfileOf(council), answers).EffectiveAnswers;
    }
}
