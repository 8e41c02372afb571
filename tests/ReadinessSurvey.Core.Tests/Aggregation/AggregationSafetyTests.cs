using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Tests.TestSupport;
using static ReadinessSurvey.Tests.TestSupport.SevenCouncils;

namespace ReadinessSurvey.Tests.Aggregation;

/// <summary>A run swaps the current snapshot whole or not at all, and the same data gives the same snapshot.</summary>
[Trait("Category", "Database")]
public sealed class AggregationSafetyTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Theory]
    [InlineData(nameof(AggregationStep.Counted))]
    [InlineData(nameof(AggregationStep.PreviousRetired))]
    [InlineData(nameof(AggregationStep.Inserted))]
    public async Task RunAsync_failing_part_way_leaves_the_previous_snapshot_current_and_nothing_new(string failAt)
    {
        var roundId = await SeedAsync();
        var first = await RunAsync(roundId);

        await using (var db = _database.CreateContext())
        {
            var runner = Runner(db);
            runner.OnStep = step => step.ToString() == failAt ? throw new InvalidOperationException("killed") : Task.CompletedTask;
            await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(roundId, Questions));
        }

        await using var read = _database.CreateContext();
        var snapshots = await read.AggregateSnapshots.ToListAsync();
        Assert.Equal(first.Id, Assert.Single(snapshots).Id);
        Assert.True(snapshots[0].IsCurrent);
        Assert.Equal(first.Id, (await new SnapshotReader(read).GetCurrentSnapshotAsync(roundId))!.Id);
    }

    [Fact]
    public async Task RunAndProtectAsync_failing_in_the_protection_keeps_the_counted_snapshot_current_and_the_last_published_view()
    {
        var roundId = await SeedAsync();
        var first = await RunAsync(roundId, protect: true);
        await using (var db = _database.CreateContext())
        {
            var d = await db.Returns.Where(r => r.Council!.Code == "E07000001").Select(r => r.Id).SingleAsync();
            await SurveyData.ResubmitAsync(db, d, answers => answers.With(Status, AnswerValue.Choice("exploring")));
        }

        await using (var db = _database.CreateContext())
        {
            var runner = Runner(db);
            runner.OnStep = step => step == AggregationStep.Protected ? throw new InvalidOperationException("killed") : Task.CompletedTask;
            await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAndProtectAsync(roundId, Questions));
        }

        // The counts committed before the protection began: the internal figures are new, the published view is the last one made.
        await using var read = _database.CreateContext();
        var reader = new SnapshotReader(read);
        var current = (await reader.GetCurrentSnapshotAsync(roundId))!;
        Assert.NotEqual(first.Id, current.Id);
        Assert.NotEqual(first.ContentJson, current.ContentJson);
        Assert.False(current.IsProtected);
        Assert.Equal(first.Id, (await reader.GetLatestProtectedSnapshotAsync(roundId))!.Id);
        Assert.Equal(first.PublishedJson, SnapshotJson.Write((await reader.GetLatestPublishedAsync(roundId))!));
        var refused = Assert.Throws<InvalidOperationException>(() => SnapshotJson.ReadPublished(current));
        Assert.Contains($"Snapshot {current.Id} of round {roundId} has no published view yet", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAndProtectAsync_holds_no_lock_while_protecting_so_a_return_can_be_saved_meanwhile()
    {
        var roundId = await SeedAsync();
        var savedDuringProtection = false;
        AggregateSnapshot protectedSnapshot;
        await using (var db = _database.CreateContext())
        {
            var runner = Runner(db);
            runner.OnStep = async step =>
            {
                if (step != AggregationStep.Protected)
                {
                    return;
                }

                // On SQLite a run's transaction holds the write lock: inside it this save would wait and fail.
                await using var other = _database.CreateContext();
                var d = await other.Returns.Where(r => r.Council!.Code == "E07000001").Select(r => r.Id).SingleAsync();
                await SurveyData.ResubmitAsync(other, d, answers => answers.With(Status, AnswerValue.Choice("exploring")));
                savedDuringProtection = true;
            };
            protectedSnapshot = await runner.RunAndProtectAsync(roundId, Questions);
        }

        Assert.True(savedDuringProtection);
        await using var read = _database.CreateContext();
        var stored = await read.AggregateSnapshots.SingleAsync(s => s.Id == protectedSnapshot.Id);
        Assert.True(stored.IsCurrent);
        Assert.Equal(protectedSnapshot.PublishedJson, stored.PublishedJson);
        Assert.NotNull(stored.SuppressionLogJson);
        // The save came after the counts: the next run counts it.
        Assert.NotEqual(stored.ContentJson, (await RunAsync(roundId)).ContentJson);
    }

    [Fact]
    public async Task RunAsync_same_data_twice_gives_identical_content_and_hash()
    {
        var roundId = await SeedAsync();

        var first = await RunAsync(roundId, protect: true);
        var second = await RunAsync(roundId, protect: true);

        Assert.Equal(first.ContentJson, second.ContentJson);
        Assert.Equal(first.PublishedJson, second.PublishedJson);
        Assert.Equal(first.SuppressionLogJson, second.SuppressionLogJson);
        Assert.Equal(first.InputHash, second.InputHash);
        await using var read = _database.CreateContext();
        Assert.Equal(second.Id, (await read.AggregateSnapshots.SingleAsync(s => s.IsCurrent)).Id);
    }

    [Fact]
    public async Task RunAsync_after_a_killed_run_equals_a_clean_run_on_another_database()
    {
        using var clean = new TestDatabase();
        AggregateSnapshot expected;
        await using (var db = clean.CreateContext())
        {
            expected = await Runner(db).RunAndProtectAsync(await SevenCouncils.SeedAsync(db), Questions);
        }

        var roundId = await SeedAsync();
        await using (var db = _database.CreateContext())
        {
            var runner = Runner(db);
            runner.OnStep = step => step == AggregationStep.Inserted ? throw new OperationCanceledException("killed") : Task.CompletedTask;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(roundId, Questions));
        }

        var retried = await RunAsync(roundId, protect: true);

        Assert.Equal(expected.ContentJson, retried.ContentJson);
        Assert.Equal(expected.PublishedJson, retried.PublishedJson);
        Assert.Equal(expected.InputHash, retried.InputHash);
        await using var read = _database.CreateContext();
        Assert.Equal(retried.Id, (await read.AggregateSnapshots.SingleAsync()).Id);
    }

    [Fact]
    public async Task RunAsync_two_runs_at_once_leave_exactly_one_current_snapshot()
    {
        var roundId = await SeedAsync();
        await RunAsync(roundId);

        await using (var one = _database.CreateContext())
        await using (var two = _database.CreateContext())
        {
            await Task.WhenAll(
                Task.Run(() => Runner(one).RunAsync(roundId, Questions)),
                Task.Run(() => Runner(two).RunAsync(roundId, Questions)));
        }

        await using var read = _database.CreateContext();
        var snapshots = await read.AggregateSnapshots.Where(s => s.RoundId == roundId).ToListAsync();
        Assert.Equal(3, snapshots.Count);
        Assert.Single(snapshots, s => s.IsCurrent);
        Assert.Single(snapshots.Select(s => s.ContentJson).Distinct());
    }

    [Fact]
    public async Task RunAsync_a_changed_submission_changes_content_and_hash()
    {
        var roundId = await SeedAsync();
        var before = await RunAsync(roundId);

        await using (var db = _database.CreateContext())
        {
            var d = await db.Returns.Where(r => r.Council!.Code == "E07000001").Select(r => r.Id).SingleAsync();
            await SurveyData.ResubmitAsync(db, d, answers => answers.With(Status, AnswerValue.Choice("exploring")));
        }

        var after = await RunAsync(roundId);

        Assert.NotEqual(before.ContentJson, after.ContentJson);
        Assert.NotEqual(before.InputHash, after.InputHash);
    }

    [Fact]
    public async Task Database_refuses_a_second_current_snapshot_for_a_round()
    {
        var roundId = await SeedAsync();
        await RunAsync(roundId);

        await using var db = _database.CreateContext();
        db.AggregateSnapshots.Add(new AggregateSnapshot
        {
            RoundId = roundId,
            IsCurrent = true,
            InputHash = "x",
            ContentJson = "{}",
            PublishedJson = "{}",
            SuppressionLogJson = "[]",
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task GetCurrentSnapshotAsync_before_any_run_is_null()
    {
        var roundId = await SeedAsync();
        await using var db = _database.CreateContext();

        Assert.Null(await new SnapshotReader(db).GetCurrentSnapshotAsync(roundId));
        Assert.Null(await new SnapshotReader(db).GetLatestPublishedAsync(roundId));
    }

    public void Dispose() => _database.Dispose();

    private async Task<int> SeedAsync()
    {
        await using var db = _database.CreateContext();
        return await SevenCouncils.SeedAsync(db);
    }

    private async Task<AggregateSnapshot> RunAsync(int roundId, bool protect = false)
    {
        await using var db = _database.CreateContext();
        return protect ? await Runner(db).RunAndProtectAsync(roundId, Questions) : await Runner(db).RunAsync(roundId, Questions);
    }
}
