using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Tests.TestSupport;
using static ReadinessSurvey.Tests.TestSupport.SevenCouncils;

namespace ReadinessSurvey.Tests.Aggregation;

/// <summary>Per-council results are rows beside the snapshot, copied by the database, not part of its JSON.</summary>
public sealed class SnapshotCouncilRowsTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task RunAsync_copies_each_submitted_council_and_its_scores_into_rows_and_keeps_them_out_of_the_json()
    {
        var (roundId, snapshot) = await SeedAndRunAsync();

        await using var db = _database.CreateContext();
        var councils = await db.SnapshotCouncils.Where(c => c.SnapshotId == snapshot.Id).Include(c => c.Scores).OrderBy(c => c.Code).ToListAsync();
        Assert.Equal(["E06000001", "E06000002", "E06000003", "E07000001", "E07000002", "E10000001", "E10000002"], councils.Select(c => c.Code));
        var a = councils[0];
        Assert.Equal(("E06", NorthEast, "unitary", 72.0, 4), (a.TypeCode, a.RegionCode, a.Tier, a.OverallScore!.Value, a.MaturityLevel!.Value));
        Assert.Equal(
            [("adoption", 75.0, "scored"), ("governance", 80.0, "scored"), ("overall", 72.0, "scored")],
            a.Scores.OrderBy(s => s.DimensionId, StringComparer.Ordinal).Select(s => (s.DimensionId, s.Score!.Value, s.Status)));
        var g = councils[6];
        Assert.Contains(g.Scores, s => s is { DimensionId: Adoption, Score: null, Status: "insufficient" });
        Assert.Equal(7 * 3, await db.SnapshotCouncilScores.CountAsync(s => s.SnapshotId == snapshot.Id));
        Assert.Empty(SnapshotJson.ReadContent(snapshot).Councils);
        Assert.DoesNotContain("E06000001", snapshot.ContentJson, StringComparison.Ordinal);
        Assert.Equal(roundId, snapshot.RoundId);
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
        Assert.Equal(0, await read.SnapshotCouncilScores.CountAsync());
        Assert.Null(await new SnapshotReader(read).GetCurrentSnapshotAsync(roundId));
    }

    [Fact]
    public async Task Deleting_a_snapshot_deletes_its_council_rows()
    {
        var (_, snapshot) = await SeedAndRunAsync();

        await using var db = _database.CreateContext();
        await db.AggregateSnapshots.Where(s => s.Id == snapshot.Id).ExecuteDeleteAsync();
        Assert.Equal(0, await db.SnapshotCouncils.CountAsync());
        Assert.Equal(0, await db.SnapshotCouncilScores.CountAsync());
    }

    public void Dispose() => _database.Dispose();

    private async Task<(int RoundId, AggregateSnapshot Snapshot)> SeedAndRunAsync()
    {
        await using var db = _database.CreateContext();
        var roundId = await SeedAsync(db);
        return (roundId, await Runner(db).RunAsync(roundId, Questions));
    }
}
