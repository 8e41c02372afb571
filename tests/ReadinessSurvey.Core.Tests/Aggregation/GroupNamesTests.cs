using Microsoft.Extensions.Time.Testing;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Aggregation;

/// <summary>Type groups are named from the register's council type of most of their members (issue 14, item 2).</summary>
[Trait("Category", "Database")]
public sealed class GroupNamesTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task London_boroughs_are_named_London_borough_with_the_City_corporation_after_them()
    {
        await using var db = _database.CreateContext();
        await new CouncilRegisterImporter(db, new FakeTimeProvider()).ImportAsync(CouncilRegister.BundledFile);

        var types = (await AggregationQueries.RegisterGroupsAsync(db, CancellationToken.None)).Where(g => g.Breakdown == Breakdowns.Type).ToList();

        Assert.Equal("London borough (including City corporation)", types.Single(t => t.Key == "E09").Label);
        Assert.Equal("Welsh unitary authority", types.Single(t => t.Key == "W06").Label);
        Assert.DoesNotContain(types, t => t.Label.StartsWith("City corporation", StringComparison.Ordinal));
        Assert.Equal(types.Count, types.Select(t => t.Label).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Tiers_are_named_in_words_not_by_their_lowercase_register_codes()
    {
        await using var db = _database.CreateContext();
        await new CouncilRegisterImporter(db, new FakeTimeProvider()).ImportAsync(CouncilRegister.BundledFile);

        var tiers = (await AggregationQueries.RegisterGroupsAsync(db, CancellationToken.None)).Where(g => g.Breakdown == Breakdowns.Tier)
            .ToDictionary(t => t.Key, t => t.Label);

        Assert.Equal(new Dictionary<string, string>
        {
            ["lower"] = "Lower tier (district councils)",
            ["unitary"] = "Single tier (all-purpose councils)",
            ["upper"] = "Upper tier (county councils)",
        }, tiers);
    }

    public void Dispose() => _database.Dispose();
}
