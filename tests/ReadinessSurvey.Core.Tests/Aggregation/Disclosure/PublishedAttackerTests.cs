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
/// may be narrowed to fewer values than the threshold (unless that is all its group could hold) or pinned.
/// </summary>
/// <remarks>
/// The rounds are in two classes of about equal cost, so that the two run side by side: each round is a minute or
/// two of one core, and a class's cases run one after another. Every size is attacked in every run; two more
/// rounds of sizes already here, with other seeds, are in <see cref="PublishedAttackerSecondSeedTests"/>, which
/// the full run leaves out to stay under 10 minutes.
/// </remarks>
[Trait("Category", "Database")]
[Trait("Category", "Audit")]
public sealed class PublishedAttackerTests(ITestOutputHelper output) : PublishedAttack(output)
{
    public static TheoryData<int, int, int> Cases => new()
    {
        { 12, 5, 0 },
        { 30, 11, 0 },
        { 339, 31, 0 },
        { 120, 23, 3 },
    };
}

/// <summary>More seeded rounds attacked as in <see cref="PublishedAttackerTests"/>.</summary>
[Trait("Category", "Database")]
[Trait("Category", "Audit")]
public sealed class PublishedAttackerMoreRoundsTests(ITestOutputHelper output) : PublishedAttack(output)
{
    public static TheoryData<int, int, int> Cases => new()
    {
        { 120, 21, 0 },
        { 120, 22, 0 },
        { 300, 33, 4 },
    };
}

/// <summary>
/// Rounds of sizes <see cref="PublishedAttackerTests"/> already attacks, with other seeds. <c>./test.sh</c> leaves
/// them out (<c>Category=AuditSecondSeed</c>); run them with
/// <c>dotnet test tests/ReadinessSurvey.Core.Tests --filter Category=AuditSecondSeed</c> when the protection changes.
/// </summary>
[Trait("Category", "Database")]
[Trait("Category", "Audit")]
[Trait("Category", "AuditSecondSeed")]
public sealed class PublishedAttackerSecondSeedTests(ITestOutputHelper output) : PublishedAttack(output)
{
    public static TheoryData<int, int, int> Cases => new()
    {
        { 30, 12, 0 },
        { 339, 32, 0 },
    };
}

/// <summary>
/// One seeded round on a database of its own, aggregated, protected and attacked; each class that derives from it
/// gives its own <c>Cases</c> (councils, seed, councils moved to a tiny region).
/// </summary>
public abstract class PublishedAttack(ITestOutputHelper output)
{
    // xunit looks the member up on the test class first: each derived class has its own Cases, which the analyzer cannot see here.
#pragma warning disable xUnit1015
    [Theory]
    [MemberData("Cases")]
#pragma warning restore xUnit1015
    public async Task A_seeded_round_gives_no_withheld_count_away(int councils, int seed, int tinyRegion)
    {
        using var database = new TestDatabase();
        await using var services = await CoreServices.StartAsync(database);
        if (tinyRegion > 0)
        {
            await MoveToATinyRegionAsync(database, tinyRegion);
        }

        var roundId = await Rounds.OpenAsync(services.Services);
        await services.WithAsync(sp => sp.GetRequiredService<DemoReturns>().SeedAsync(roundId, councils, seed));

        var clock = Stopwatch.StartNew();
        var summary = await services.WithAsync(sp => sp.GetRequiredService<RoundAggregator>().AggregateAsync(roundId));
        var aggregation = clock.Elapsed;

        await using var db = database.CreateContext();
        var snapshot = await db.AggregateSnapshots.AsNoTracking().SingleAsync(s => s.Id == summary.SnapshotId);
        var definition = await services.WithAsync(async sp =>
            await sp.GetRequiredService<SurveyLibrary>().GetAsync((await db.Rounds.SingleAsync(r => r.Id == roundId)).DefinitionVersionId));
        var register = PublishedSystem.Atoms(await db.Councils.Select(c => new GroupCount(c.TypeCode, c.RegionCode, c.Tier, 1)).ToListAsync());
        var routing = RoutingLinks.From(definition, register.Select(a => a.Type));

        var threshold = SnapshotJson.ReadPublished(snapshot).Threshold;
        clock.Restart();
        var ranges = PublishedAttacker.Attack(snapshot.PublishedJson!, register, routing, threshold);
        var attack = clock.Elapsed;

        var log = SnapshotJson.ReadSuppressionLog(snapshot);
        var audited = log.Count(e => e.Reason.Contains("across linked tables", StringComparison.Ordinal));
        var whole = log.Count(e => e.Reason.Contains("whole question", StringComparison.Ordinal));
        output.WriteLine($"{summary.ReturnsAggregated} returns: aggregation with protection {aggregation.TotalSeconds:0.00} s; attack {attack.TotalSeconds:0.00} s over {ranges.Count} withheld counts.");
        output.WriteLine($"Withheld: {log.Count} cells ({log.Count(e => e.Kind == "primary")} by the primary rule); the linked audit asked for {audited} complements and {whole} cells of whole questions.");
        // Every withheld count's provable range holds at least as many values as the threshold (0 to 4 at 5),
        // or everything the register allows its group (0 to 3 in a region of 3 councils): so none is pinned,
        // none is proven 1 to 4, and none is narrowed to a handful of values.
        var pinned = ranges.Where(r => r.Low == r.High).ToList();
        var narrow = ranges.Where(r => r.High - r.Low + 1 < threshold && !(r.Low == 0 && r.High >= r.Cap)).ToList();
        output.WriteLine($"Pinned: {pinned.Count}; ranges of fewer than {threshold} values: {narrow.Count} of {ranges.Count} ({ranges.Count(r => r.High - r.Low + 1 < threshold)} before those spanning their whole group).");
        Assert.All(ranges, r => Assert.True(r.Low <= r.High, $"{r.Cell}: {r.Low}..{r.High} is no range"));
        Assert.True(pinned.Count == 0, $"{pinned.Count} withheld counts pinned: " + string.Join("; ", pinned.Take(10).Select(r => $"{r.Cell} = {r.Low}")));
        Assert.True(narrow.Count == 0, $"{narrow.Count} withheld counts narrowed: " + string.Join("; ", narrow.Take(10).Select(r => $"{r.Cell} = {r.Low}..{r.High} of 0..{r.Cap}")));
        Assert.DoesNotContain(ranges, r => r.Low >= 1 && r.High < threshold);
        Assert.Empty(PublishedAttacker.Giveaways(snapshot.PublishedJson!));
        // How many councils responded in all is published, even beside a region of fewer than 5 councils: the
        // chosen complements protect that region's counts with group cells (decision 0091).
        var responded = SnapshotJson.ReadPublished(snapshot).Responses.Rates.Single(r => r.Breakdown == Breakdowns.Sector).Submitted;
        output.WriteLine($"All councils' response count published: {responded?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "withheld"}.");
        Assert.Equal(councils, responded);
        // No question is withheld whole: the chosen complements converge without the fallback.
        Assert.Equal(0, whole);
        Assert.Equal(councils, summary.ReturnsAggregated);
    }

    /// <summary>A region of only a few councils (the register has none smaller than 12): a few councils of the North East and Wales, of three types, move to it.</summary>
    private static async Task MoveToATinyRegionAsync(TestDatabase database, int councils)
    {
        await using var db = database.CreateContext();
        var moved = await db.Councils.Where(c => c.RegionCode == "E12000001" || c.TypeCode == "WPA").OrderBy(c => c.Code).ToListAsync();
        foreach (var council in moved.GroupBy(c => c.TypeCode).SelectMany(g => g.Take(2)).Take(councils))
        {
            council.RegionCode = "E12000099";
            council.RegionName = "Tiny region";
        }

        await db.SaveChangesAsync();
    }
}
