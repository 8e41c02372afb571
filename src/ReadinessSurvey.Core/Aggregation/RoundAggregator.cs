using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Aggregates a round by id: reads its survey definition, maps it to question shapes and runs
/// <see cref="AggregationRunner"/>. Background jobs and the CLI call this same code.
/// </summary>
public sealed class RoundAggregator(ReadinessDbContext db, SurveyLibrary surveys, AggregationRunner runner)
{
    public async Task<AggregationSummary> AggregateAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no round with id {roundId}.");
        var definition = await surveys.GetAsync(round.DefinitionVersionId, cancellationToken);
        var snapshot = await runner.RunAsync(roundId, QuestionShapes.From(definition), definition, cancellationToken);
        return new AggregationSummary(snapshot.Id, roundId, snapshot.ReturnCount, SnapshotJson.ReadSuppressionLog(snapshot).Count, snapshot.ComputedAt);
    }

    /// <summary>The ids of the rounds open now, for the nightly run.</summary>
    public Task<List<int>> OpenRoundIdsAsync(CancellationToken cancellationToken = default) =>
        db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
}

/// <summary>What an aggregation run produced: the snapshot, how many returns it counted and how many published cells it withheld.</summary>
public sealed record AggregationSummary(long SnapshotId, int RoundId, int ReturnsAggregated, int SuppressedCells, DateTime ComputedAt);
