using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Aggregation.Disclosure;
using ReadinessSurvey.Demo;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;
using Xunit.Abstractions;

namespace ReadinessSurvey.Tests.Aggregation.Disclosure;

/// <summary>
/// Seeded rounds, answered through the respondents' own code paths and aggregated as the jobs do, then
/// attacked from the published JSON, the public register and the questionnaire alone: no withheld count
/// may be narrowed to fewer values than the threshold (or pinned, unless at zero).
/// </summary>
[Trait("Category", "Database")]
public sealed class PublishedAttackerTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestDatabase _database = new();

    [Theory]
    [InlineData(30, 11)]
    [InlineData(30, 12)]
    [InlineData(120, 21)]
    [InlineData(120, 22)]
    [InlineData(339, 31)]
    [InlineData(339, 32)]
    public async Task A_seeded_round_gives_no_withheld_count_away(int councils, int seed)
    {
        await using var services = await CoreServices.StartAsync(_database);
        var roundId = await Rounds.OpenAsync(services.Services);
        await services.WithAsync(sp => sp.GetRequiredService<DemoReturns>().SeedAsync(roundId, councils, seed));

        var clock = Stopwatch.StartNew();
        var summary = await services.WithAsync(sp => sp.GetRequiredService<RoundAggregator>().AggregateAsync(roundId));
        var aggregation = clock.Elapsed;

        await using var db = _database.CreateContext();
        var snapshot = await db.AggregateSnapshots.AsNoTracking().SingleAsync(s => s.Id == summary.SnapshotId);
        var definition = await services.WithAsync(async sp =>
            await sp.GetRequiredService<SurveyLibrary>().GetAsync((await db.Rounds.SingleAsync(r => r.Id == roundId)).DefinitionVersionId));
        var register = PublishedSystem.Atoms(await db.Councils.Select(c => new GroupCount(c.TypeCode, c.RegionCode, c.Tier, 1)).ToListAsync());
        var routing = RoutingLinks.From(definition, register.Select(a => a.Type));

        var threshold = SnapshotJson.ReadPublished(snapshot).Threshold;
        clock.Restart();
        var ranges = PublishedAttacker.Attack(snapshot.PublishedJson, register, routing, threshold);
        var attack = clock.Elapsed;

        var log = SnapshotJson.ReadSuppressionLog(snapshot);
        var audited = log.Count(e => e.Reason.Contains("across linked tables", StringComparison.Ordinal));
        var whole = log.Count(e => e.Reason.Contains("whole question", StringComparison.Ordinal));
        output.WriteLine($"{summary.ReturnsAggregated} returns: aggregation with protection {aggregation.TotalSeconds:0.00} s; attack {attack.TotalSeconds:0.00} s over {ranges.Count} withheld counts.");
        output.WriteLine($"Withheld: {log.Count} cells; the linked audit asked for {audited} complements and {whole} cells of whole questions.");
        // Its own test of safety: a withheld count the attacker can prove to be 1 to threshold-1 is given away.
        var narrow = ranges.Where(r => r.Low >= 1 && r.High < threshold).ToList();
        Assert.True(narrow.Count == 0, $"{narrow.Count} withheld counts proven small: " + string.Join("; ", narrow.Take(10).Select(r => $"{r.Cell} = {r.Low}..{r.High}")));
        Assert.Empty(PublishedAttacker.Giveaways(snapshot.PublishedJson));
        Assert.Equal(councils, summary.ReturnsAggregated);
    }

    public void Dispose() => _database.Dispose();
}
