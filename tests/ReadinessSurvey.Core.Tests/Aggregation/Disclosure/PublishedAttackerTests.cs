using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Aggregation.Disclosure;
using ReadinessSurvey.Data;
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
    public async Task A_seeded_round_gives_no_withheld_count_away(int councils, int seed) => await AttackAsync(councils, seed);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task A_region_of_fewer_than_five_councils_is_published_only_within_wider_groups(int size)
    {
        const string Tiny = "E12000099";
        var snapshot = await AttackAsync(339, 41, async db =>
        {
            // A register with a tiny region: the first councils of the North East moved into one of their own.
            foreach (var council in await db.Councils.Where(c => c.RegionName == "North East").OrderBy(c => c.Code).Take(size).ToListAsync())
            {
                (council.RegionCode, council.RegionName) = (Tiny, "Tiny test region");
            }

            Assert.Equal(size, await db.SaveChangesAsync());
        });

        var content = SnapshotJson.ReadContent(snapshot);
        Assert.Contains(content.Responses.Rates, r => r.Group == Tiny && r.Registered == size);
        var published = SnapshotJson.ReadPublished(snapshot);
        Assert.DoesNotContain(published.Groups, g => g.Key == Tiny);
        Assert.DoesNotContain(published.Responses.Rates, r => r.Group == Tiny);
        Assert.DoesNotContain(published.Questions.SelectMany(q => q.Groups), g => g.Group == Tiny);
        Assert.DoesNotContain(published.Maturity, m => m.Group == Tiny);
        Assert.DoesNotContain(Tiny, snapshot.PublishedJson, StringComparison.Ordinal);
        // Not published, yet in every total: the attack above counted its counts as withheld ones, all protected.
    }

    private async Task<AggregateSnapshot> AttackAsync(int returns, int seed, Func<ReadinessDbContext, Task>? prepare = null)
    {
        await using var services = await CoreServices.StartAsync(_database);
        if (prepare is not null)
        {
            await using var councils = _database.CreateContext();
            await prepare(councils);
        }

        var roundId = await Rounds.OpenAsync(services.Services);
        await services.WithAsync(sp => sp.GetRequiredService<DemoReturns>().SeedAsync(roundId, returns, seed));

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
        var (ranges, caps) = PublishedAttacker.Attack(snapshot.PublishedJson, register, routing, threshold);
        var attack = clock.Elapsed;

        var sensitive = PublishedAttacker.Sensitive(snapshot.ContentJson, threshold);
        var (_, published) = PublishedAttacker.Read(snapshot.PublishedJson);
        var log = SnapshotJson.ReadSuppressionLog(snapshot);
        var linked = log.Count(e => e.Reason.Contains(AuditedProtection.LinkedReason, StringComparison.Ordinal));
        var pinned = ranges.Where(r => r.Low == r.High).DistinctBy(r => r.Cell).ToList();
        output.WriteLine($"{summary.ReturnsAggregated} returns: aggregation with protection {aggregation.TotalSeconds:0.00} s; attack {attack.TotalSeconds:0.00} s over {ranges.Count} withheld counts.");
        output.WriteLine($"Withheld: {log.Count} cells ({log.Count(e => e.Kind == "primary")} primary, {linked} chosen by the linked protection); {sensitive.Count} sensitive counts; {published.Count} counts in the published view; pinned: {pinned.Count} ({pinned.Count(r => r.Cell.Family == LinkedAudit.ResponseFamily)} response counts, {pinned.Count(r => sensitive.Contains(r.Cell))} sensitive at the register's caps).");

        // Not asserted (decision 0089's known limit): a response count is audited with each question on its
        // own; intersecting what each proves is a first step of a joint attack.
        var joint = ranges.Where(r => r.Cell.Family == LinkedAudit.ResponseFamily).GroupBy(r => r.Cell)
            .Select(g => (Cell: g.Key, Low: g.Max(r => r.Low), High: g.Min(r => r.High)))
            .Where(r => sensitive.Contains(r.Cell) && r.High - r.Low < threshold).ToList();
        output.WriteLine($"Response counts narrower than {threshold} once each question's bounds are intersected: {joint.Count} " +
            string.Join("; ", joint.Take(5).Select(r => $"{r.Cell} = {r.Low}..{r.High}")));

        // Every sensitive count is withheld, and the attacker's range for it is at least the threshold wide,
        // or everything the register and the questionnaire allow with nothing published.
        var shown = published.Select(c => c with { Value = null }).ToHashSet();
        var withheld = published.Where(c => c.Value is null).ToHashSet();
        Assert.All(sensitive.Where(shown.Contains), cell => Assert.Contains(cell, withheld));
        var exposed = ranges.Where(r => sensitive.Contains(r.Cell) && r.High - r.Low < threshold
            && !(r.Low <= caps[r.Cell].Low && r.High >= caps[r.Cell].High)).ToList();
        Assert.True(exposed.Count == 0, $"{exposed.Count} sensitive counts narrowed: " + string.Join("; ", exposed.Take(10).Select(r => $"{r.Cell} = {r.Low}..{r.High}")));
        // No other withheld count is pinned to one value (it would hide nothing), except how many councils
        // responded and counts equal to it: those are shared by every question (see decision 0089). Groups
        // left out of the view (too few registered councils) show nothing, pinned or not.
        var (_, truth) = PublishedAttacker.Read(snapshot.ContentJson);
        var responded = truth.Where(c => c.Family == LinkedAudit.ResponseFamily).ToDictionary(c => (c.Breakdown, c.Group), c => c.Value);
        var trueValue = truth.ToDictionary(c => c with { Value = null }, c => c.Value);
        var pinnedElsewhere = pinned.Where(r => shown.Contains(r.Cell) && !sensitive.Contains(r.Cell) && trueValue[r.Cell] != responded[(r.Cell.Breakdown, r.Cell.Group)]).ToList();
        Assert.True(pinnedElsewhere.Count == 0, "Pinned: " + string.Join("; ", pinnedElsewhere.Take(10).Select(r => $"{r.Cell} = {r.Low}")));
        var small = ranges.Where(r => r.Low >= 1 && r.High < threshold).ToList();
        Assert.True(small.Count == 0, $"{small.Count} withheld counts proven small: " + string.Join("; ", small.Take(10).Select(r => $"{r.Cell} = {r.Low}..{r.High}")));
        Assert.Empty(PublishedAttacker.Giveaways(snapshot.PublishedJson));
        Assert.Equal(returns, summary.ReturnsAggregated);
        return snapshot;
    }

    public void Dispose() => _database.Dispose();
}
