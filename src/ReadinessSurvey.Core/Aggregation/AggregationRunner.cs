using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Aggregates a round's submitted returns into a new <see cref="AggregateSnapshot"/> and makes it current.
/// </summary>
/// <remarks>
/// The whole run (reads, the swap of the current flag, the insert) is one transaction. On SQLite that
/// is BEGIN IMMEDIATE, so runs queue behind each other and every run reads one consistent state; a
/// filtered unique index allows one current snapshot per round, and a run that loses a race to it on
/// SQL Server starts again. A run that fails or is killed part way commits nothing, so the previous
/// snapshot stays current and a retry computes what a clean run would.
/// </remarks>
public sealed class AggregationRunner(ReadinessDbContext db, TimeProvider clock, IOptions<AggregationOptions> options)
{
    private const int Attempts = 3;

    /// <summary>Called between the steps of a run; tests use it to fail a run part way.</summary>
    internal Func<AggregationStep, Task>? OnStep { get; set; }

    /// <summary>Aggregates the round's submitted returns, stores the snapshot as current and returns it.</summary>
    /// <param name="questions">The questions to count, with their kinds and options, from the round's survey definition.</param>
    public async Task<AggregateSnapshot> RunAsync(int roundId, IReadOnlyList<QuestionShape> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var unknown = questions.Where(q => !QuestionKinds.IsKnown(q.Kind)).Select(q => $"{q.Id} ({q.Kind})").ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Aggregation cannot count these questions: {string.Join(", ", unknown)}.", nameof(questions));
        }

        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, cancellationToken))
        {
            throw new InvalidOperationException($"There is no round with id {roundId}.");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            (roundId, questions),
            async (_, state, token) =>
            {
                for (var attempt = 1; ; attempt++)
                {
                    db.ChangeTracker.Clear();
                    try
                    {
                        return await RunOnceAsync(state.roundId, state.questions, token);
                    }
                    catch (DbUpdateException) when (attempt < Attempts)
                    {
                        // Another run made its snapshot current between our swap and insert (the unique index
                        // refused ours); nothing of ours was committed, so run again on the new state.
                    }
                }
            },
            verifySucceeded: null,
            cancellationToken);
    }

    private async Task<AggregateSnapshot> RunOnceAsync(int roundId, IReadOnlyList<QuestionShape> questions, CancellationToken cancellationToken)
    {
        var threshold = options.Value.SuppressionThreshold;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var data = await ReadAsync(roundId, questions, cancellationToken);
        var builder = new ContentBuilder(data, threshold);
        var content = builder.Build();
        var (published, log) = new PublishedViewBuilder(builder, content, threshold).Build();
        var contentJson = SnapshotJson.Write(content);
        var versions = await AggregationQueries.AnswerVersionsBySubmittedReturn(db, roundId).ToListAsync(cancellationToken);
        var snapshot = new AggregateSnapshot
        {
            RoundId = roundId,
            ComputedAt = clock.GetUtcNow().UtcDateTime,
            IsCurrent = true,
            ReturnCount = builder.Submitted.Count,
            ContentJson = contentJson,
            PublishedJson = SnapshotJson.Write(published),
            SuppressionLogJson = SnapshotJson.Write(log),
            InputHash = InputHash(data, versions, threshold, contentJson),
        };
        await StepAsync(AggregationStep.Computed);

        await db.AggregateSnapshots
            .Where(s => s.RoundId == roundId && s.IsCurrent)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsCurrent, false), cancellationToken);
        await StepAsync(AggregationStep.PreviousRetired);

        db.AggregateSnapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        await StepAsync(AggregationStep.Inserted);

        await transaction.CommitAsync(cancellationToken);
        return snapshot;
    }

    private async Task<AggregationData> ReadAsync(int roundId, IReadOnlyList<QuestionShape> questions, CancellationToken cancellationToken)
    {
        List<string> choice = [.. questions.Where(q => QuestionKinds.IsChoice(q.Kind)).Select(q => q.Id)];
        List<string> multiple = [.. questions.Where(q => q.Kind == QuestionKinds.Multiple).Select(q => q.Id)];
        List<string> number = [.. questions.Where(q => q.Kind == QuestionKinds.Number).Select(q => q.Id)];

        var councils = await db.Councils
            .Select(c => new CouncilInfo(c.Id, c.Code, c.Name, c.TypeCode, c.TypeName, c.RegionCode, c.RegionName, c.Tier))
            .ToListAsync(cancellationToken);
        var returns = await db.Returns.Where(r => r.RoundId == roundId)
            .Select(r => new ReturnInfo(r.Id, r.CouncilId, r.Status, r.Version, r.OverallScore, r.MaturityLevel))
            .ToListAsync(cancellationToken);
        var invited = await db.Invitations.Where(i => i.RoundId == roundId).Select(i => i.CouncilId).Distinct().ToListAsync(cancellationToken);

        return new AggregationData(
            roundId,
            questions,
            councils,
            returns,
            invited.ToHashSet(),
            await AggregationQueries.RegisteredCounts(db).ToListAsync(cancellationToken),
            await AggregationQueries.InvitedCounts(db, roundId).ToListAsync(cancellationToken),
            await AggregationQueries.SubmittedCounts(db, roundId).ToListAsync(cancellationToken),
            await AggregationQueries.ChoiceCounts(db, roundId, choice).ToListAsync(cancellationToken),
            await AggregationQueries.SelectionCounts(db, roundId, multiple).ToListAsync(cancellationToken),
            await AggregationQueries.AnsweredCounts(db, roundId, multiple).ToListAsync(cancellationToken),
            await AggregationQueries.Numbers(db, roundId, number).ToListAsync(cancellationToken),
            await AggregationQueries.Scores(db, roundId).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// SHA-256 over the round, the threshold, the questions, each submitted return's id, version, answer
    /// count and sum of answer versions, and the content JSON: the same inputs always give the same hash,
    /// and any edit to a submitted return (which bumps a version) or to what it adds up to changes it.
    /// </summary>
    private static string InputHash(AggregationData data, IReadOnlyList<AnswerVersions> versions, int threshold, string contentJson)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"round:{data.RoundId}\nthreshold:{threshold}\n");
        foreach (var question in data.Questions.OrderBy(q => q.Id, StringComparer.Ordinal))
        {
            text.Append(invariant, $"question:{question.Id}:{question.Kind}:{string.Join('\u001f', question.Options)}\n");
        }

        var byReturn = versions.ToDictionary(v => v.ReturnId);
        foreach (var r in data.Returns.Where(r => r.Status == ReturnStatus.Submitted).OrderBy(r => r.Id))
        {
            var answers = byReturn.GetValueOrDefault(r.Id);
            text.Append(invariant, $"return:{r.Id}:{r.CouncilId}:{r.Version}:{answers?.Count ?? 0}:{answers?.VersionSum ?? 0}\n");
        }

        text.Append(invariant, $"content:{SnapshotJson.Sha256(contentJson)}\n");
        return SnapshotJson.Sha256(text.ToString());
    }

    private Task StepAsync(AggregationStep step) => OnStep?.Invoke(step) ?? Task.CompletedTask;
}

/// <summary>The points in a run between which it can fail.</summary>
internal enum AggregationStep
{
    Computed,
    PreviousRetired,
    Inserted,
}
