using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Aggregation.Statistics;
using ReadinessSurvey.Tests.TestSupport;
using static ReadinessSurvey.Tests.TestSupport.SevenCouncils;

namespace ReadinessSurvey.Tests.Aggregation;

/// <summary>The published view of a run over <see cref="SevenCouncils"/>: small numbers withheld, and logged.</summary>
[Trait("Category", "Database")]
public sealed class PublishedViewTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Published_view_has_no_council_level_data()
    {
        var (published, _) = await RunAsync();

        Assert.True(published.Published);
        Assert.Empty(published.Councils);
        Assert.Empty(published.Responses.NotSubmitted);
    }

    [Fact]
    public async Task Published_counts_below_threshold_are_withheld_with_their_percentages_and_the_base_shown()
    {
        var (published, log) = await RunAsync();

        var sector = Group(published, Status, Breakdowns.Sector, Breakdowns.AllGroup);
        // Withheld by the linked audit: with 3 councils of each type registered, 7 submitted proves every type sent 1 to 3.
        Assert.Null(sector.Base);
        Assert.All(sector.Options, o => Assert.Equal((null, null), (o.Count, o.Percent)));
        var unitary = Group(published, Status, Breakdowns.Type, "E06");
        Assert.Null(unitary.Base);
        Assert.Contains(log, e => e is { Table: "question:B1:type", Row: "live-many", Column: "E06", Kind: Suppressor.Primary });
        Assert.Contains(log, e => e is { Table: "question:B1:type", Row: "(base)", Column: "E06" } && e.Reason.Contains("base", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Published_statistics_from_fewer_than_five_councils_are_withheld_and_min_max_never_shown()
    {
        var (published, _) = await RunAsync();

        var overall = published.Dimensions.Single(d => d.DimensionId == "overall");
        // The sector's n of 7 is withheld by the linked audit (see the test above), and its statistics with it.
        Assert.Equal(new Stats(null, null, null, null, null, null, null), overall.Groups.Single(g => g.Breakdown == Breakdowns.Sector).Scores);
        Assert.Equal(new Stats(null, null, null, null, null, null, null), overall.Groups.Single(g => g.Group == "E06").Scores);
        var adoption = published.Dimensions.Single(d => d.DimensionId == Adoption).Groups.Single(g => g.Breakdown == Breakdowns.Sector);
        Assert.Null(adoption.Unscored); // one unscored council is withheld
        Assert.All(published.Dimensions.SelectMany(d => d.Groups).Select(g => g.Scores), s => Assert.Equal((null, null), (s.Min, s.Max)));
        Assert.All(published.Dimensions.SelectMany(d => d.Groups).Select(g => g.Scores).Where(s => s.N is null), s => Assert.Null(s.Mean));
        Assert.Null(Group(published, Tools, Breakdowns.Region, NorthWest).Numbers!.Mean); // C, E, F: 3 councils
    }

    [Fact]
    public async Task Published_response_rates_withhold_small_submitted_counts()
    {
        var (published, _) = await RunAsync();

        // 7 of 9 would prove each 3-council type sent 1 to 3, so the linked audit withholds it too.
        Assert.Equal(new ResponseRate(Breakdowns.Sector, Breakdowns.AllGroup, 9, 8, null, null), Rate(published, Breakdowns.Sector, Breakdowns.AllGroup));
        Assert.Equal(new ResponseRate(Breakdowns.Type, "E06", 3, 3, null, null), Rate(published, Breakdowns.Type, "E06"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task Published_question_tables_leave_no_total_with_exactly_one_withheld_cell(int threshold)
    {
        var (published, log) = await RunAsync(threshold);

        // No maturity columns in the published view (decision 0080).
        Assert.DoesNotContain(published.Questions.SelectMany(q => q.Groups), g => g.Breakdown == Breakdowns.Maturity);
        foreach (var breakdown in new[] { Breakdowns.Type, Breakdowns.Region, Breakdowns.Tier })
        {
            var groups = published.Questions.Single(q => q.QuestionId == Status).Groups
                .Where(g => g.Breakdown == breakdown || g.Breakdown == Breakdowns.Sector).ToList();
            // Rows: each option across the groups and the sector.
            foreach (var option in groups[0].Options.Select(o => o.Value))
            {
                Assert.NotEqual(1, groups.Count(g => g.Options.Single(o => o.Value == option).Count is null));
            }

            Assert.NotEqual(1, groups.Count(g => g.Base is null));
            // Columns: a group's options add up to its base.
            foreach (var group in groups)
            {
                Assert.NotEqual(1, group.Options.Count(o => o.Count is null) + (group.Base is null ? 1 : 0));
            }

            // Every withheld count in the breakdown's table is in the log.
            foreach (var group in groups.Where(g => g.Breakdown == breakdown))
            {
                foreach (var option in group.Options.Where(o => o.Count is null))
                {
                    Assert.Contains(log, e => e.Table == $"question:{Status}:{breakdown}" && e.Row == option.Value && e.Column == group.Group);
                }
            }
        }
    }

    [Fact]
    public async Task Published_view_with_a_low_threshold_shows_what_is_safe()
    {
        var (published, log) = await RunAsync(threshold: 1);

        Assert.Empty(log);
        Assert.Equal(2, Group(published, Status, Breakdowns.Type, "E07").Base);
    }

    [Fact]
    public async Task Published_tier_and_type_together_cannot_reveal_a_withheld_type()
    {
        int roundId;
        await using (var db = _database.CreateContext())
        {
            // 7 E06 and 3 E08 make up tier "unitary"; 5 E07 are "lower", 6 E10 "upper". By type alone the
            // next smallest cell protecting E08 is E07; then unitary (10) - E06 (7) would give E08 away.
            roundId = await SurveyData.AddRoundAsync(db);
            var councils = new[] { ("E06", "unitary", 7), ("E07", "lower", 5), ("E08", "unitary", 3), ("E10", "upper", 6) }
                .SelectMany(t => Enumerable.Range(1, t.Item3).Select(i => SurveyData.Council($"{t.Item1}00000{i}", t.Item1, NorthEast, t.Item2)))
                .ToList();
            db.Councils.AddRange(councils);
            await db.SaveChangesAsync();
            foreach (var council in councils)
            {
                await new ReturnBuilder(roundId, council.Id).Overall(50, 3).Choice(Status, "live-some").SaveAsync(db);
            }
        }

        SnapshotContent published;
        await using (var db = _database.CreateContext())
        {
            published = SnapshotJson.ReadPublished(await Runner(db).RunAndProtectAsync(roundId, Questions));
        }

        Assert.Null(Group(published, Status, Breakdowns.Type, "E08").Base);
        var e06 = Group(published, Status, Breakdowns.Type, "E06").Base;
        var unitary = Group(published, Status, Breakdowns.Tier, "unitary").Base;
        Assert.True(e06 is null || unitary is null, $"E06 {e06} and unitary {unitary} are both shown.");
        var overall = published.Dimensions.Single(d => d.DimensionId == "overall").Groups;
        Assert.True(
            overall.Single(g => g.Group == "E06").Scores.N is null || overall.Single(g => g.Group == "unitary").Scores.N is null,
            "The overall score's n gives E08 away.");
    }

    public void Dispose() => _database.Dispose();

    private async Task<(SnapshotContent Published, IReadOnlyList<SuppressionLogEntry> Log)> RunAsync(int threshold = 5)
    {
        await using var db = _database.CreateContext();
        var snapshot = await Runner(db, threshold).RunAndProtectAsync(await SeedAsync(db), Questions);
        return (SnapshotJson.ReadPublished(snapshot), SnapshotJson.ReadSuppressionLog(snapshot));
    }

    private static QuestionGroup Group(SnapshotContent content, string questionId, string breakdown, string group) =>
        content.Questions.Single(q => q.QuestionId == questionId).Groups.Single(g => g.Breakdown == breakdown && g.Group == group);

    private static ResponseRate Rate(SnapshotContent content, string breakdown, string group) =>
        content.Responses.Rates.Single(r => r.Breakdown == breakdown && r.Group == group);
}
