using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Responses;

/// <summary>
/// Reads and saves a council's return. Every save names the version of each answer it was based on;
/// a save based on a stale view is refused whole, so nobody silently overwrites a colleague.
/// </summary>
public sealed class ReturnService(ReadinessDbContext db, SurveyLibrary surveys, AuditLog audit, TimeProvider clock, WriteGate gate)
{
    /// <summary>The contributor for an invitation, creating the council's return and the contributor on first use.</summary>
    public Task<Contributor> EnsureContributorAsync(Invitation invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return gate.RunAsync(ct => EnsureContributorAloneAsync(invitation, ct), cancellationToken);
    }

    private async Task<Contributor> EnsureContributorAloneAsync(Invitation invitation, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var contributor = await db.Contributors.SingleOrDefaultAsync(c => c.InvitationId == invitation.Id, cancellationToken);
        if (contributor is null)
        {
            var councilReturn = await db.Returns.SingleOrDefaultAsync(r => r.RoundId == invitation.RoundId && r.CouncilId == invitation.CouncilId, cancellationToken);
            if (councilReturn is null)
            {
                councilReturn = new CouncilReturn { RoundId = invitation.RoundId, CouncilId = invitation.CouncilId, CreatedAt = now, UpdatedAt = now };
                db.Returns.Add(councilReturn);
                await db.SaveChangesAsync(cancellationToken);
            }

            contributor = new Contributor { ReturnId = councilReturn.Id, InvitationId = invitation.Id, Name = invitation.Name, Role = invitation.Role, FirstSeenAt = now };
            db.Contributors.Add(contributor);

            // Saved first so the audit entry below names the contributor's real id.
            await db.SaveChangesAsync(cancellationToken);
        }

        contributor.LastSeenAt = now;
        invitation.LastUsedAt = now;
        db.Attach(invitation).Property(i => i.LastUsedAt).IsModified = true;
        audit.Record($"contributor:{contributor.Id}", "respondent.signed-in", $"invitation:{invitation.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return contributor;
    }

    /// <summary>The return with its definition, council, answers and who last changed each.</summary>
    public Task<ReturnWorkspace> LoadAsync(int returnId, CancellationToken cancellationToken = default) =>
        LoadAsync(returnId, null, cancellationToken);

    /// <summary>
    /// The return as one contributor sees it: the council's answers, and that contributor's own answers to
    /// the questions about them (e.g. their role). Without a contributor, questions about contributors are unanswered.
    /// </summary>
    public async Task<ReturnWorkspace> LoadAsync(int returnId, int? contributorId, CancellationToken cancellationToken = default)
    {
        var councilReturn = await db.Returns.AsNoTracking()
            .Include(r => r.Round).Include(r => r.Council)
            .SingleAsync(r => r.Id == returnId, cancellationToken);
        var rows = await db.Answers.AsNoTracking()
            .Where(a => a.ReturnId == returnId)
            .Select(a => new AnswerRow(a.QuestionId, a.ValueJson, a.Version, a.UpdatedAt, a.UpdatedBy!.Name, a.UpdatedBy.Role, a.UpdatedByContributorId))
            .ToListAsync(cancellationToken);
        var own = contributorId is { } id
            ? await db.ContributorAnswers.AsNoTracking()
                .Where(a => a.ContributorId == id && a.Contributor!.ReturnId == returnId)
                .Select(a => new AnswerRow(a.QuestionId, a.ValueJson, 0, a.UpdatedAt, a.Contributor!.Name, a.Contributor.Role, a.ContributorId))
                .ToListAsync(cancellationToken)
            : [];

        var definition = await surveys.GetAsync(councilReturn.Round!.DefinitionVersionId, cancellationToken);

        // Questions about the contributor are answered by each person for themselves, never for the council.
        rows = [.. rows.Where(r => !definition.IsAboutContributor(r.QuestionId)), .. own.Where(r => definition.IsAboutContributor(r.QuestionId))];
        return new ReturnWorkspace
        {
            Return = councilReturn,
            Round = councilReturn.Round,
            Council = councilReturn.Council!,
            Profile = ReturnWorkspace.ProfileOf(councilReturn.Council!),
            Definition = definition,
            Answers = new AnswerSet(rows.Select(r => KeyValuePair.Create(r.QuestionId, AnswerValue.FromJson(r.ValueJson) ?? new AnswerValue()))),
            Info = rows.ToDictionary(r => r.QuestionId, r => new AnswerInfo(r.Version, r.UpdatedAt, r.Name, r.Role, r.ContributorId), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Saves changed answers (null value clears one) all together or not at all: refused when the return is
    /// read-only, when any answer is invalid, or when any was changed by someone else since the given version.
    /// </summary>
    public async Task<SaveResult> SaveAsync(int returnId, int contributorId, IReadOnlyList<AnswerChange> changes, CancellationToken cancellationToken = default) =>
        await SaveAsync(await LoadAsync(returnId, contributorId, cancellationToken), contributorId, changes, cancellationToken);

    /// <summary>
    /// Saves changes against a workspace the caller has just loaded (a page shows and checks the same one),
    /// which saves reading the return twice. It is only a starting point: the write re-checks every
    /// version and the return's status inside the write gate, so nothing that changed meanwhile is lost.
    /// </summary>
    public async Task<SaveResult> SaveAsync(ReturnWorkspace workspace, int contributorId, IReadOnlyList<AnswerChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(changes);

        // Reading and checking happen outside the write gate, so saves only queue for the write itself.
        if (workspace.IsReadOnly)
        {
            return SaveResult.ReadOnly();
        }

        // Answers to questions that the save's own answers hide are not accepted (the stored ones are kept).
        var (errors, visibility, applicable) = SaveCheck.Check(workspace.Definition, workspace.Profile, workspace.Answers, changes);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        changes = applicable;

        // A contributor's own answer (e.g. their role) is changed by nobody else, so it cannot conflict.
        var conflicts = changes
            .Where(c => !workspace.Definition.IsAboutContributor(c.QuestionId))
            .Where(c => workspace.VersionOf(c.QuestionId) != c.BaseVersion && !SameValue(workspace.Answers.Get(c.QuestionId), c.Value))
            .Select(c => Conflict(workspace, c.QuestionId))
            .ToList();
        if (conflicts.Count > 0)
        {
            return SaveResult.Conflicted(conflicts);
        }

        var changed = changes.Where(c => !SameValue(workspace.Answers.Get(c.QuestionId), c.Value)).ToList();
        var after = changed.Aggregate(workspace.Answers, (set, c) => c.Value is null ? set.Without(c.QuestionId) : set.With(c.QuestionId, c.Value));

        // The check saw every change applied; when some were no change (e.g. an empty answer left empty), the
        // answers it saw differ from the stored ones, so callers work visibility out again.
        var visibilityAfter = changed.Count == changes.Count ? visibility : null;
        if (changed.Count == 0)
        {
            return SaveResult.Saved(0, after, visibilityAfter);
        }

        try
        {
            if (!await WriteAsync(workspace, contributorId, changed, cancellationToken))
            {
                return SaveResult.ReadOnly();
            }
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException or DbUpdateException)
        {
            // Another process (the CLI, another web node) got there first: report what is there now.
            db.ChangeTracker.Clear();
            var current = await LoadAsync(workspace.Return.Id, cancellationToken);
            return SaveResult.Conflicted(changed.Select(c => Conflict(current, c.QuestionId)).ToList());
        }

        return SaveResult.Saved(changed.Count, after, visibilityAfter);
    }

    /// <summary>Writes the changes if every version still matches; false when the return was submitted meanwhile.</summary>
    private Task<bool> WriteAsync(ReturnWorkspace workspace, int contributorId, List<AnswerChange> changed, CancellationToken cancellationToken) =>
        gate.RunAsync(ct => WriteAloneAsync(workspace, contributorId, changed, ct), cancellationToken);

    /// <summary>
    /// The write itself, alone in the gate: conditional updates in one transaction (run again whole after
    /// a transient failure), so nothing is read first. An answer is updated only at the version the save was based on, and the return only while
    /// it is not submitted; a new answer is inserted, and one someone else inserted meanwhile breaks the
    /// unique (return, question) index. Either way the transaction rolls back and the caller reports a conflict.
    /// </summary>
    private Task<bool> WriteAloneAsync(ReturnWorkspace workspace, int contributorId, List<AnswerChange> changed, CancellationToken cancellationToken) =>
        db.InTransactionAsync(ct => WriteAttemptAsync(workspace, contributorId, changed, ct), cancellationToken);

    private async Task<bool> WriteAttemptAsync(ReturnWorkspace workspace, int contributorId, List<AnswerChange> changed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var returnId = workspace.Return.Id;

        var open = await db.Returns
            .Where(r => r.Id == returnId && r.Status != ReturnStatus.Submitted)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.UpdatedAt, now)
                    .SetProperty(r => r.Status, r => r.Status == ReturnStatus.NotStarted ? ReturnStatus.InProgress : r.Status),
                cancellationToken);
        if (open == 0)
        {
            return false;
        }

        foreach (var change in changed)
        {
            if (workspace.Definition.IsAboutContributor(change.QuestionId))
            {
                await WriteOwnAnswerAsync(contributorId, change, now, cancellationToken);
                continue;
            }

            var row = new Answer { ReturnId = returnId, QuestionId = change.QuestionId, ValueJson = "{}", Version = change.BaseVersion + 1, UpdatedAt = now, UpdatedByContributorId = contributorId };
            AnswerStorage.Apply(row, change.Value ?? new AnswerValue());
            if (change.BaseVersion == 0)
            {
                db.Answers.Add(row);
                continue;
            }

            await UpdateAnswerAsync(row, change.BaseVersion, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Stores, changes or clears the contributor's own answer to a question about them.</summary>
    private async Task WriteOwnAnswerAsync(int contributorId, AnswerChange change, DateTime now, CancellationToken cancellationToken)
    {
        var row = await db.ContributorAnswers.SingleOrDefaultAsync(a => a.ContributorId == contributorId && a.QuestionId == change.QuestionId, cancellationToken);
        if (change.Value is null || change.Value.IsEmpty)
        {
            if (row is not null)
            {
                db.ContributorAnswers.Remove(row);
            }

            return;
        }

        if (row is null)
        {
            row = new ContributorAnswer { ContributorId = contributorId, QuestionId = change.QuestionId, ValueJson = "{}" };
            db.ContributorAnswers.Add(row);
        }

        row.ValueJson = change.Value.ToJson();
        row.UpdatedAt = now;
    }

    private async Task UpdateAnswerAsync(Answer row, int baseVersion, CancellationToken cancellationToken)
    {
        // A conditional update on the application-managed concurrency token: no row matches when someone else saved first.
        var updated = await db.Answers
            .Where(a => a.ReturnId == row.ReturnId && a.QuestionId == row.QuestionId && a.Version == baseVersion)
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.ValueJson, row.ValueJson)
                    .SetProperty(a => a.Version, row.Version)
                    .SetProperty(a => a.UpdatedAt, row.UpdatedAt)
                    .SetProperty(a => a.UpdatedByContributorId, row.UpdatedByContributorId),
                cancellationToken);
        if (updated == 0)
        {
            throw new DbUpdateConcurrencyException($"Answer {row.QuestionId} changed while saving.");
        }
    }

    private static AnswerConflict Conflict(ReturnWorkspace workspace, string questionId)
    {
        workspace.Info.TryGetValue(questionId, out var info);
        return new AnswerConflict(questionId, workspace.Answers.Get(questionId), info?.Version ?? 0, info?.UpdatedByName, info?.UpdatedAt);
    }

    private static bool SameValue(AnswerValue? current, AnswerValue? proposed) =>
        (current is null || current.IsEmpty) ? (proposed is null || proposed.IsEmpty) : current.Equals(proposed);
}

/// <summary>One stored answer as a page needs it.</summary>
internal sealed record AnswerRow(string QuestionId, string ValueJson, int Version, DateTime UpdatedAt, string? Name, string? Role, int? ContributorId);

/// <summary>A change to one answer, based on the version the person saw (0 when there was no answer).</summary>
public sealed record AnswerChange(string QuestionId, AnswerValue? Value, int BaseVersion);

/// <summary>An answer someone else changed: what it is now, and who changed it when.</summary>
public sealed record AnswerConflict(string QuestionId, AnswerValue? Current, int CurrentVersion, string? ChangedBy, DateTime? ChangedAt);

/// <summary>The outcome of a save: saved, or refused with the reasons.</summary>
/// <param name="Answers">After a save, the return's answers as now stored (saves callers a reload).</param>
/// <param name="Visibility">After a save, what those answers show and hide (saves callers evaluating display logic again).</param>
public sealed record SaveResult(
    SaveStatus Status, int SavedCount, IReadOnlyList<AnswerError> Errors, IReadOnlyList<AnswerConflict> Conflicts, AnswerSet? Answers = null, SurveyVisibility? Visibility = null)
{
    public static SaveResult Saved(int count, AnswerSet answers, SurveyVisibility? visibility) => new(SaveStatus.Saved, count, [], [], answers, visibility);

    public static SaveResult Invalid(IReadOnlyList<AnswerError> errors) => new(SaveStatus.Invalid, 0, errors, []);

    public static SaveResult Conflicted(IReadOnlyList<AnswerConflict> conflicts) => new(SaveStatus.Conflict, 0, [], conflicts);

    public static SaveResult ReadOnly() => new(SaveStatus.ReadOnly, 0, [], []);
}

/// <summary>How a save ended.</summary>
public enum SaveStatus
{
    Saved,
    Invalid,
    Conflict,
    ReadOnly,
}
