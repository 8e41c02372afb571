using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Cli;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Cli;

[Trait("Category", "Database")]
public sealed class CliCommandTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Demo_seed_submits_returns_then_aggregates_and_aggregate_runs_again_on_demand()
    {
        await RunAsync("round", "open", "--name", "Trial", "--survey", Rounds.DefaultSurvey, "--closes", "2099-12-31");

        // Three councils: each protection of the published view takes about a second (six take nine).
        var seeded = await RunAsync("demo", "seed", "--round", "1", "--councils", "3", "--seed", "3");
        var aggregated = await RunAsync("aggregate", "--round", "1");

        Assert.Contains("Submitted 3 demo returns for round 1; 336 councils have no return yet.", seeded, StringComparison.Ordinal);
        Assert.Matches(@"Aggregated round 1: 3 returns aggregated, snapshot 1, \d+ cells withheld", seeded);
        Assert.Matches(@"Aggregated round 1: 3 returns aggregated, snapshot 2, \d+ cells withheld", aggregated);
        await using var db = _database.CreateContext();
        var current = await db.AggregateSnapshots.SingleAsync(s => s.IsCurrent);
        Assert.Equal(2, current.Id);
        Assert.True(current.IsProtected);
        Assert.Equal(3, await db.Returns.CountAsync(r => r.Status == ReturnStatus.Submitted));

        // Counting only: a new current snapshot with the internal figures and no published view; the protected one stays readable.
        var counted = await RunAsync("aggregate", "--round", "1", "--count-only");
        Assert.Contains("Aggregated round 1: 3 returns aggregated, snapshot 3, counted only: no published view yet.", counted, StringComparison.Ordinal);
        await using var after = _database.CreateContext();
        var third = await after.AggregateSnapshots.SingleAsync(s => s.IsCurrent);
        Assert.Equal((3, false, current.ContentJson), (third.Id, third.IsProtected, third.ContentJson));
        Assert.Equal(2, (await new ReadinessSurvey.Aggregation.SnapshotReader(after).GetLatestProtectedSnapshotAsync(1))!.Id);
    }

    [Fact]
    public async Task Aggregate_for_a_round_that_does_not_exist_fails_with_a_plain_message()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["aggregate", "--round", "99"], output, error, CoreServices.Settings(_database));

        Assert.Equal(1, exit);
        Assert.Contains("Error: There is no round with id 99.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_seed_refuses_fewer_than_one_council()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["demo", "seed", "--round", "1", "--councils", "0"], output, error, CoreServices.Settings(_database));

        Assert.Equal(1, exit);
        Assert.Contains("--councils must be at least 1.", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, CoreServices.Settings(_database));
        Assert.True(exit == 0, $"'{string.Join(' ', args)}' failed: {error}");
        return output.ToString();
    }
}
