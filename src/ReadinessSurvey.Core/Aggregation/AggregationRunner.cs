using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Aggregation.Disclosure;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

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

    /// <summary>Called between the steps of a run; tests use it to fail a run part way, the performance project to time the steps.</summary>
    internal Func<AggregationStep, Task>? OnStep { get; set; }

    /// <summary>
    /// Aggregates the round's submitted returns, stores the snapshot as current and returns it. Its published
    /// view is not built: the internal figures are ready in under a second (see <see cref="RunAndProtectAsync"/>).
    /// </summary>
    /// <param name="questions">The questions to count, with their kinds and options, from the round's survey definition.</param>
    /// <param name="definition">The round's survey definition: answers its display logic hides for a return are
    /// not counted. Null counts every stored answer (tests of made-up question shapes).</param>
    public async Task<AggregateSnapshot> RunAsync(
        int roundId, IReadOnlyList<QuestionShape> questions, SurveyDefinition? definition = null, CancellationToken cancellationToken = default) =>
        (await CountAsync(roundId, questions, definition, cancellationToken)).Snapshot;

    /// <summary>
    /// Aggregates as <see cref="RunAsync"/> does, then builds the published view, protects it (the linked audit and its
    /// complements, which take seconds to minutes) and stores it on the same snapshot. The protection runs after the
    /// run's transaction has committed, so it holds no lock: saves and other runs go on meanwhile (decision 0093).
    /// </summary>
    public async Task<AggregateSnapshot> RunAndProtectAsync(
        int roundId, IReadOnlyList<QuestionShape> questions, SurveyDefinition? definition = null, CancellationToken cancellationToken = default)
    {
        var counted = await CountAsync(roundId, questions, definition, cancellationToken);
        var (published, log) = new PublishedViewBuilder(counted.Builder, counted.Content, counted.Threshold, counted.Atoms, counted.Links).Build();
        await StepAsync(AggregationStep.Protected);
        var snapshot = counted.Snapshot;
        snapshot.PublishedJson = SnapshotJson.Write(published);
        snapshot.SuppressionLogJson = SnapshotJson.Write(log);
        // One row's two columns, written once: the snapshot's figures never change, so there is nothing to race.
        await db.SaveChangesAsync(cancellationToken);
        return snapshot;
    }

    private async Task<Counted> CountAsync(
        int roundId, IReadOnlyList<QuestionShape> questions, SurveyDefinition? definition, CancellationToken cancellationToken)
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

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // One transaction in the provider's execution strategy, run again whole after a transient failure.
                return await db.InTransactionAsync(ct => RunOnceAsync(roundId, questions, definition, ct), cancellationToken);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another run made its snapshot current between our swap and insert (the unique index
                // refused ours); nothing of ours was committed, so run again on the new state.
            }
        }
    }

    private async Task<Counted> RunOnceAsync(
        int roundId, IReadOnlyList<QuestionShape> questions, SurveyDefinition? definition, CancellationToken cancellationToken)
    {
        var threshold = options.Value.SuppressionThreshold;

        var data = await ReadAsync(roundId, questions, definition, cancellationToken);
        var builder = new ContentBuilder(data, threshold);
        var content = builder.Build();
        await StepAsync(AggregationStep.Counted);
        var contentJson = SnapshotJson.Write(content);
        var snapshot = new AggregateSnapshot
        {
            RoundId = roundId,
            ComputedAt = clock.GetUtcNow().UtcDateTime,
            IsCurrent = true,
            ReturnCount = builder.SubmittedCount,
            ContentJson = contentJson,
            InputHash = InputHash(data, threshold, contentJson),
        };

        await db.AggregateSnapshots
            .Where(s => s.RoundId == roundId && s.IsCurrent)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsCurrent, false), cancellationToken);
        await StepAsync(AggregationStep.PreviousRetired);

        db.AggregateSnapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        await SnapshotCouncilWriter.WriteAsync(db, snapshot.Id, roundId, cancellationToken);
        await StepAsync(AggregationStep.Inserted);

        // The register's atoms and the questionnaire's routing are public: the protection assumes a reader has them.
        var atoms = PublishedSystem.Atoms(data.Registered);
        var links = definition is null ? [] : RoutingLinks.From(definition, atoms.Select(a => a.Type));
        return new Counted(snapshot, builder, content, threshold, atoms, links);
    }

    /// <summary>A committed snapshot and what its published view is built from.</summary>
    private sealed record Counted(
        AggregateSnapshot Snapshot, ContentBuilder Builder, SnapshotContent Content, int Threshold, IReadOnlyList<RegisterAtom> Atoms, IReadOnlyList<RoutingLink> Links);

    private async Task<AggregationData> ReadAsync(int roundId, IReadOnlyList<QuestionShape> questions, SurveyDefinition? definition, CancellationToken cancellationToken)
    {
        var groups = await AggregationQueries.RegisterGroupsAsync(db, cancellationToken);
        var notSubmitted = await AggregationQueries.NotSubmitted(db, roundId).ToListAsync(cancellationToken);
        var versions = await AggregationQueries.SubmittedVersions(db, roundId).ToListAsync(cancellationToken);
        var registered = await AggregationQueries.RegisteredCounts(db).ToListAsync(cancellationToken);
        var invited = await AggregationQueries.InvitedCounts(db, roundId).ToListAsync(cancellationToken);
        var submitted = await AggregationQueries.SubmittedCounts(db, roundId).ToListAsync(cancellationToken);

        var returns = await SubmittedAnswers.ReadAsync(db, roundId, definition, cancellationToken);
        var (choices, answered, ticks, numbers) = AnswerCounts.Count(returns, questions, definition);
        var scores = AnswerCounts.Scores(
            (await AggregationQueries.DimensionScores(db, roundId).ToListAsync(cancellationToken))
            .Select(s => (s.DimensionId, s.Score, s.TypeCode, s.RegionCode, s.Tier, s.MaturityLevel)));

        return new AggregationData(
            roundId, questions, groups, notSubmitted, versions, registered, invited, submitted, choices, answered, ticks, numbers, scores);
    }

    /// <summary>
    /// SHA-256 over the round, the threshold, the questions, each submitted return's id, council and
    /// version, and the content JSON: the same inputs always give the same hash. A submitted return's
    /// answers and scores cannot change while its version stays the same (saves are refused on a submitted
    /// return; reopening and submitting each bump the version), so the version stands for them.
    /// </summary>
    private static string InputHash(AggregationData data, int threshold, string contentJson)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"round:{data.RoundId}\nthreshold:{threshold}\n");
        foreach (var question in data.Questions.OrderBy(q => q.Id, StringComparer.Ordinal))
        {
            text.Append(invariant, $"question:{question.Id}:{question.Kind}:{string.Join('\u001f', question.Options)}\n");
        }

        foreach (var r in data.Versions)
        {
            text.Append(invariant, $"return:{r.ReturnId}:{r.CouncilId}:{r.Version}\n");
        }

        text.Append(invariant, $"content:{SnapshotJson.Sha256(contentJson)}\n");
        return SnapshotJson.Sha256(text.ToString());
    }

    private Task StepAsync(AggregationStep step) => OnStep?.Invoke(step) ?? Task.CompletedTask;
}

/// <summary>The points in a run between which it can fail (and be timed).</summary>
internal enum AggregationStep
{
    /// <summary>The snapshot's figures are counted; storing them comes next.</summary>
    Counted,
    PreviousRetired,

    /// <summary>The snapshot is stored (the run's transaction commits after this step).</summary>
    Inserted,

    /// <summary>After the commit: the published view is built and protected, and is stored next.</summary>
    Protected,
}
