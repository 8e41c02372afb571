using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Tests.TestSupport;
using static ReadinessSurvey.Tests.TestSupport.SevenCouncils;

namespace ReadinessSurvey.Tests.Aggregation;

/// <summary>Per-council results are rows beside the snapshot (scores as JSON in each row), copied by the database, not part of its content JSON.</summary>
[Trait("Category", "Database")]
public sealed class SnapshotCouncilRowsTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task RunAsync_copies_each_submitted_council_and_its_scores_into_rows_and_keeps_them_out_of_the_json()
    {
        var (roundId, snapshot) = await SeedAndRunAsync();

        await using var db = _database.CreateContext();
        var councils = await db.SnapshotCouncils.Where(c => c.SnapshotId == snapshot.Id).OrderBy(c => c.Code).ToListAsync();
        Assert.Equal(["E06000001", "E06000002", "E06000003", "E07000001", "E07000002", "E10000001", "E10000002"], councils.Select(c => c.Code));
        var a = councils[0];
        Assert.Equal(("E06", NorthEast, "unitary", 72.0, 4), (a.TypeCode, a.RegionCode, a.Tier, a.OverallScore!.Value, a.MaturityLevel!.Value));
        Assert.Equal(
            [("adoption", 75.0, "scored"), ("governance", 80.0, "scored"), ("overall", 72.0, "scored")],
            a.Scores.OrderBy(s => s.DimensionId, StringComparer.Ordinal).Select(s => (s.DimensionId, s.Score!.Value, s.Status)));
        var g = councils[6];
        Assert.Contains(g.Scores, s => s is { DimensionId: Adoption, Score: null, Status: "insufficient" });
        Assert.Equal(7 * 3, councils.Sum(c => c.Scores.Count));
        Assert.DoesNotContain("E06000001", snapshot.ContentJson, StringComparison.Ordinal);
        Assert.Equal(roundId, snapshot.RoundId);
    }

    [Fact]
    public async Task A_councils_scores_round_trip_through_the_snapshot_as_the_same_doubles()
    {
        const double Sum = 0.1 + 0.2; // 0.30000000000000004: needs all 17 digits
        const double Seventh = 62.857142857142854;
        const double Third = 1.0 / 3;
        int roundId;
        await using (var db = _database.CreateContext())
        {
            roundId = await SeedAsync(db);
            var a = await db.Returns.Include(r => r.Scores).SingleAsync(r => r.Council!.Code == "E06000001");
            a.OverallScore = Third;
            a.Scores.Single(s => s.DimensionId == Adoption).Score = Sum;
            a.Scores.Single(s => s.DimensionId == Governance).Score = Seventh;
            var b = await db.Returns.SingleAsync(r => r.Council!.Code == "E06000002");
            b.OverallScore = null;
            await db.SaveChangesAsync();
            await Runner(db).RunAsync(roundId, Questions);
        }

        await using var read = _database.CreateContext();
        var councils = await read.SnapshotCouncils.AsNoTracking().ToDictionaryAsync(c => c.Code);
        Assert.Equal(
            [(Adoption, Sum, "scored"), (Governance, Seventh, "scored"), ("overall", Third, "scored")],
            councils["E06000001"].Scores.OrderBy(s => s.DimensionId, StringComparer.Ordinal).Select(s => (s.DimensionId, s.Score!.Value, s.Status)));
        Assert.Contains(councils["E06000002"].Scores, s => s is { DimensionId: "overall", Score: null, Status: "insufficient" });
        Assert.Contains(councils["E10000002"].Scores, s => s is { DimensionId: Adoption, Score: null, Status: "insufficient" });
        var snapshot = (await new SnapshotReader(read).GetCurrentSnapshotAsync(roundId))!;
        Assert.Equal(Seventh, snapshot.Councils.Single(c => c.Code == "E06000001").Scores.Single(s => s.DimensionId == Governance).Score);
    }

    [Fact]
    public async Task A_snapshot_keeps_its_copy_when_a_return_is_rescored_later()
    {
        var (roundId, _) = await SeedAndRunAsync();
        await using (var db = _database.CreateContext())
        {
            var score = await db.ReturnScores.FirstAsync(s => s.DimensionId == Adoption && s.Score == 75);
            score.Score = 5;
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext();
        var content = (await new SnapshotReader(read).GetCurrentContentAsync(roundId))!;
        Assert.Equal(75, content.Councils.Single(c => c.Code == "E06000001").Dimensions.Single(d => d.DimensionId == Adoption).Score);
    }

    [Fact]
    public async Task A_failed_run_leaves_no_council_rows_behind()
    {
        int roundId;
        await using (var db = _database.CreateContext())
        {
            roundId = await SeedAsync(db);
            var runner = Runner(db);
            runner.OnStep = step => step == AggregationStep.Inserted ? throw new InvalidOperationException("killed") : Task.CompletedTask;
            await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(roundId, Questions));
        }

        await using var read = _database.CreateContext();
        Assert.Equal(0, await read.SnapshotCouncils.CountAsync());
        Assert.Null(await new SnapshotReader(read).GetCurrentSnapshotAsync(roundId));
    }

    [Fact]
    public async Task Deleting_a_snapshot_deletes_its_council_rows()
    {
        var (_, snapshot) = await SeedAndRunAsync();

        await using var db = _database.CreateContext();
        await db.AggregateSnapshots.Where(s => s.Id == snapshot.Id).ExecuteDeleteAsync();
        Assert.Equal(0, await db.SnapshotCouncils.CountAsync());
    }

    public void Dispose() => _database.Dispose();

    private async Task<(int RoundId, AggregateSnapshot Snapshot)> SeedAndRunAsync()
    {
        await using var db = _database.CreateContext();
        var roundId = await SeedAsync(db);
        return (roundId, await Runner(db).RunAsync(roundId, Questions));
    }
}
