using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Scoring;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Responses;

/// <summary>Submits and reopens returns; every submission and reopening is kept in the return's history.</summary>
public sealed class SubmissionService(
    ReadinessDbContext db, ReturnService returns, AuditLog audit, TimeProvider clock, WriteGate gate, IReturnEvents events)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Checks the whole return (required questions included), scores it and marks it submitted.
    /// Refused with the problems when anything is missing or wrong; nothing changes then.
    /// </summary>
    public Task<SubmitResult> SubmitAsync(int returnId, int contributorId, CancellationToken cancellationToken = default) =>
        gate.RunAsync(ct => SubmitAloneAsync(returnId, contributorId, ct), cancellationToken);

    private async Task<SubmitResult> SubmitAloneAsync(int returnId, int contributorId, CancellationToken cancellationToken)
    {
        // The submitter's own answers (e.g. their role) are checked as theirs; the record holds the council's only.
        var workspace = await returns.LoadAsync(returnId, contributorId, cancellationToken);
        if (workspace.IsReadOnly)
        {
            return new SubmitResult(false, [new AnswerError("", "This return has already been submitted, or the round has closed.")], null);
        }

        var errors = AnswerValidator.Validate(workspace.Definition, workspace.Profile, workspace.Answers, AnswerValidationMode.Submission);
        if (errors.Count > 0)
        {
            return new SubmitResult(false, errors, null);
        }

        var profile = ReadinessScorer.Score(workspace.Definition, workspace.Profile, workspace.Answers);
        var contributor = await db.Contributors.SingleAsync(c => c.Id == contributorId && c.ReturnId == returnId, cancellationToken);
        var councilReturn = await db.Returns.Include(r => r.Scores).SingleAsync(r => r.Id == returnId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        councilReturn.Scores.Clear();
        foreach (var dimension in profile.Dimensions)
        {
            councilReturn.Scores.Add(new ReturnScore { DimensionId = dimension.Id, Score = (double?)dimension.Score, Status = StatusOf(dimension.Status) });
        }

        councilReturn.Scores.Add(new ReturnScore
        {
            DimensionId = ReturnScore.Overall,
            Score = (double?)profile.OverallScore,
            Status = profile.OverallScore is null ? "insufficient" : "scored",
        });
        councilReturn.OverallScore = (double?)profile.OverallScore;
        councilReturn.MaturityLevel = profile.MaturityLevel;
        councilReturn.Status = ReturnStatus.Submitted;
        councilReturn.SubmittedAt = now;
        councilReturn.UpdatedAt = now;
        councilReturn.Version++;
        councilReturn.History.Add(new SubmissionEvent
        {
            Kind = SubmissionEventKind.Submitted,
            At = now,
            Actor = contributor.Name,
            ContributorId = contributor.Id,
            // The record holds what counts: answers kept from questions the return no longer asks are left out.
            AnswersJson = CouncilAnswers(workspace).ToJson(),
            ProfileJson = JsonSerializer.Serialize(profile, s_json),
        });
        audit.Record($"contributor:{contributor.Id}", "return.submitted", $"return:{returnId}");
        await db.SaveChangesAsync(cancellationToken);
        await events.ReturnChangedAsync(workspace.Round.Id, cancellationToken);
        return new SubmitResult(true, [], profile);
    }

    /// <summary>Opens a submitted return for changes again (policy team only); the reason is kept.</summary>
    public async Task ReopenAsync(int returnId, string actor, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidOperationException("Enter the reason for reopening the return.");
        }

        await gate.RunAsync(ct => ReopenAloneAsync(returnId, actor, reason, ct), cancellationToken);
    }

    private async Task ReopenAloneAsync(int returnId, string actor, string reason, CancellationToken cancellationToken)
    {
        var councilReturn = await db.Returns.SingleOrDefaultAsync(r => r.Id == returnId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no return with id {returnId}.");
        if (councilReturn.Status != ReturnStatus.Submitted)
        {
            throw new InvalidOperationException($"Return {returnId} has not been submitted, so it cannot be reopened.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        councilReturn.Status = ReturnStatus.InProgress;
        councilReturn.UpdatedAt = now;
        councilReturn.Version++;
        councilReturn.History.Add(new SubmissionEvent { Kind = SubmissionEventKind.Reopened, At = now, Actor = actor, Reason = reason.Trim() });
        audit.Record(actor, "return.reopened", $"return:{returnId}");
        await db.SaveChangesAsync(cancellationToken);
        await events.ReturnChangedAsync(councilReturn.RoundId, cancellationToken);
    }

    /// <summary>The readiness profile stored with the latest submission, or null.</summary>
    public async Task<ReadinessProfile?> LatestProfileAsync(int returnId, CancellationToken cancellationToken = default)
    {
        var json = await db.SubmissionEvents.AsNoTracking()
            .Where(e => e.ReturnId == returnId && e.Kind == SubmissionEventKind.Submitted)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => e.ProfileJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<ReadinessProfile>(json, s_json);
    }

    public Task<List<SubmissionEvent>> HistoryAsync(int returnId, CancellationToken cancellationToken = default) =>
        db.SubmissionEvents.AsNoTracking().Where(e => e.ReturnId == returnId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);

    /// <summary>The answers that apply to the council, without anyone's answers about themselves.</summary>
    private static AnswerSet CouncilAnswers(ReturnWorkspace workspace) =>
        workspace.Definition.Questions.Where(q => q.IsAboutContributor)
            .Aggregate(workspace.Visibility.EffectiveAnswers, (answers, question) => answers.Without(question.Id));

    private static string StatusOf(DimensionStatus status) => status switch
    {
        DimensionStatus.Scored or DimensionStatus.SkippedScoredZero => "scored",
        DimensionStatus.InsufficientData => "insufficient",
        _ => "dropped",
    };
}

/// <summary>The outcome of a submission: the profile, or the problems that stopped it.</summary>
public sealed record SubmitResult(bool Submitted, IReadOnlyList<AnswerError> Errors, ReadinessProfile? Profile);
