using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;
using static ReadinessSurvey.Tests.TestSupport.SevenCouncils;

namespace ReadinessSurvey.Tests.Aggregation;

/// <summary>The internal view of a run over <see cref="SevenCouncils"/>, against hand-computed figures.</summary>
[Trait("Category", "Database")]
public sealed class AggregationRunnerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task RunAsync_single_choice_counts_and_percentages_come_with_their_base()
    {
        var content = await RunAsync();

        var status = content.Questions.Single(q => q.QuestionId == Status);
        var sector = Group(status, Breakdowns.Sector, Breakdowns.AllGroup);
        Assert.Equal(7, sector.Base); // H's in-progress answer is not counted
        Assert.Equal(
            [new("none", 1, 14.29, 7), new("exploring", 1, 14.29, 7), new("piloting", 1, 14.29, 7), new("live-some", 2, 28.57, 7), new OptionCount("live-many", 2, 28.57, 7)],
            sector.Options);

        var unitary = Group(status, Breakdowns.Type, "E06");
        Assert.Equal(3, unitary.Base);
        Assert.Equal([0, 0, 1, 1, 1], unitary.Options.Select(o => o.Count));
        Assert.Equal(33.33, unitary.Options[2].Percent);

        var northWest = Group(status, Breakdowns.Region, NorthWest);
        Assert.Equal(4, northWest.Base);
        Assert.Equal([0, 1, 1, 1, 1], northWest.Options.Select(o => o.Count));
        Assert.All(northWest.Options.Skip(1), o => Assert.Equal(25, o.Percent));

        var embedded = Group(status, Breakdowns.Maturity, "4"); // A and E
        Assert.Equal(2, embedded.Base);
        Assert.Equal([0, 0, 0, 1, 1], embedded.Options.Select(o => o.Count));
        Assert.Equal(3, Group(status, Breakdowns.Tier, "unitary").Base);
    }

    [Fact]
    public async Task RunAsync_multiple_choice_base_is_councils_that_answered_and_shares_can_exceed_100()
    {
        var content = await RunAsync();

        var types = content.Questions.Single(q => q.QuestionId == Types);
        var sector = Group(types, Breakdowns.Sector, Breakdowns.AllGroup);
        Assert.Equal(5, sector.Base);
        Assert.Equal(
            [new("perceptive", 1, 20, 5), new("predictive", 2, 40, 5), new("generative", 5, 100, 5), new OptionCount("simulation", 1, 20, 5)],
            sector.Options);
        var unitary = Group(types, Breakdowns.Type, "E06");
        Assert.Equal(3, unitary.Base);
        Assert.Equal([0, 1, 3, 0], unitary.Options.Select(o => o.Count));
    }

    [Fact]
    public async Task RunAsync_a_multiple_choice_answer_ticked_then_cleared_is_not_in_the_base()
    {
        int roundId;
        await using (var db = _database.CreateContext())
        {
            roundId = await SeedAsync(db);

            // An answer whose options were all unticked is stored as no options: B (one tick) submits that.
            var b = await db.Returns.Where(r => r.Council!.Code == "E06000002").Select(r => r.Id).SingleAsync();
            await SurveyData.ResubmitAsync(db, b, answers => answers.With(Types, AnswerValue.Choice()));
            await Runner(db).RunAsync(roundId, Questions);
        }

        await using var read = _database.CreateContext();
        var content = (await new SnapshotReader(read).GetCurrentContentAsync(roundId))!;
        var sector = Group(content.Questions.Single(q => q.QuestionId == Types), Breakdowns.Sector, Breakdowns.AllGroup);
        Assert.Equal(4, sector.Base);
        Assert.Equal(new OptionCount("generative", 4, 100, 4), sector.Options.Single(o => o.Value == "generative"));
    }

    [Fact]
    public async Task RunAsync_a_tick_stored_twice_still_counts_its_council_once()
    {
        int roundId;
        await using (var db = _database.CreateContext())
        {
            roundId = await SeedAsync(db);
            var e = await db.Returns.Where(r => r.Council!.Code == "E07000002").Select(r => r.Id).SingleAsync();
            await SurveyData.ResubmitAsync(db, e, answers => answers.With(Types, AnswerValue.Choice("generative", "perceptive", "perceptive")));
            await Runner(db).RunAsync(roundId, Questions);
        }

        await using var read = _database.CreateContext();
        var content = (await new SnapshotReader(read).GetCurrentContentAsync(roundId))!;
        var types = content.Questions.Single(q => q.QuestionId == Types);
        Assert.Equal(new OptionCount("perceptive", 1, 20, 5), Group(types, Breakdowns.Sector, Breakdowns.AllGroup).Options[0]);
        Assert.Equal(5, Group(types, Breakdowns.Sector, Breakdowns.AllGroup).Base);
    }

    [Fact]
    public async Task RunAsync_number_question_gives_n_mean_median_and_quartiles()
    {
        var content = await RunAsync();

        var tools = content.Questions.Single(q => q.QuestionId == Tools);
        // 0, 1, 3, 4, 12, 20: mean 40 / 6; median at 2.5 -> 3.5; Q1 at 1.25 -> 1.5; Q3 at 3.75 -> 4 + 0.75 x 8.
        Assert.Equal(new Stats(6, 6.67, 3.5, 1.5, 10, 0, 20), Group(tools, Breakdowns.Sector, Breakdowns.AllGroup).Numbers);
        // E06: 1, 4, 12.
        Assert.Equal(new Stats(3, 5.67, 4, 2.5, 8, 1, 12), Group(tools, Breakdowns.Type, "E06").Numbers);
        Assert.Empty(Group(tools, Breakdowns.Sector, Breakdowns.AllGroup).Options);
    }

    [Fact]
    public async Task RunAsync_dimension_statistics_by_group_leave_out_insufficient_data()
    {
        var content = await RunAsync();

        Assert.Equal(["overall", Adoption, Governance], content.Dimensions.Select(d => d.DimensionId));
        var adoption = content.Dimensions.Single(d => d.DimensionId == Adoption);
        var sector = adoption.Groups.Single(g => g.Breakdown == Breakdowns.Sector);
        // 0, 25, 50, 62.5, 75, 100 (G insufficient): mean 312.5 / 6; median 56.25; Q1 31.25; Q3 71.875.
        Assert.Equal(new Stats(6, 52.08, 56.25, 31.25, 71.88, 0, 100), sector.Scores);
        Assert.Equal(1, sector.Unscored);
        var upper = adoption.Groups.Single(g => g.Breakdown == Breakdowns.Type && g.Group == "E10");
        Assert.Equal((new Stats(1, 100, 100, 100, 100, 100, 100), 1), (upper.Scores, upper.Unscored!.Value));

        var overall = content.Dimensions[0].Groups.Single(g => g.Breakdown == Breakdowns.Sector);
        // 15, 38, 47, 55, 61, 72, 85: mean 373 / 7; Q1 at 1.5 -> 42.5; Q3 at 4.5 -> 66.5.
        Assert.Equal(new Stats(7, 53.29, 55, 42.5, 66.5, 15, 85), overall.Scores);
        var northEast = content.Dimensions[0].Groups.Single(g => g.Breakdown == Breakdowns.Region && g.Group == NorthEast);
        Assert.Equal(new Stats(3, 47.33, 55, 35, 63.5, 15, 72), northEast.Scores); // 15, 55, 72
    }

    [Fact]
    public async Task RunAsync_maturity_distribution_counts_each_level()
    {
        var content = await RunAsync();

        var sector = content.Maturity.Single(m => m.Breakdown == Breakdowns.Sector);
        Assert.Equal(7, sector.N);
        Assert.Equal(
            [new(1, "Nascent", 1, 14.29), new(2, "Exploring", 1, 14.29), new(3, "Developing", 2, 28.57), new(4, "Embedded", 2, 28.57), new LevelCount(5, "Leading", 1, 14.29)],
            sector.Levels);
        var upper = content.Maturity.Single(m => m.Breakdown == Breakdowns.Type && m.Group == "E10"); // F 5, G 3
        Assert.Equal([0, 0, 1, 0, 1], upper.Levels.Select(l => l.Count));
        Assert.DoesNotContain(content.Maturity, m => m.Breakdown == Breakdowns.Maturity);
    }

    [Fact]
    public async Task RunAsync_response_rates_use_the_register_and_list_councils_not_submitted()
    {
        var content = await RunAsync();

        Assert.Equal(new ResponseRate(Breakdowns.Sector, Breakdowns.AllGroup, 9, 8, 7, 77.78), Rate(content, Breakdowns.Sector, Breakdowns.AllGroup));
        Assert.Equal(new ResponseRate(Breakdowns.Type, "E06", 3, 3, 3, 100), Rate(content, Breakdowns.Type, "E06"));
        Assert.Equal(new ResponseRate(Breakdowns.Type, "E07", 3, 3, 2, 66.67), Rate(content, Breakdowns.Type, "E07"));
        Assert.Equal(new ResponseRate(Breakdowns.Type, "E10", 3, 2, 2, 66.67), Rate(content, Breakdowns.Type, "E10"));
        Assert.Equal(new ResponseRate(Breakdowns.Region, NorthEast, 4, 3, 3, 75), Rate(content, Breakdowns.Region, NorthEast));
        Assert.Equal(new ResponseRate(Breakdowns.Region, NorthWest, 5, 5, 4, 80), Rate(content, Breakdowns.Region, NorthWest));
        Assert.Equal(
            [new("E07000003", "Council E07000003", "E07", NorthWest, true, "InProgress"), new CouncilStatus("E10000003", "Council E10000003", "E10", NorthEast, false, "None")],
            content.Responses.NotSubmitted);
    }

    [Fact]
    public async Task RunAsync_each_council_gets_its_scores_and_its_position_against_peers()
    {
        var content = await RunAsync();

        Assert.Equal(7, content.Councils.Count);
        var a = content.Councils.Single(c => c.Code == "E06000001");
        Assert.Equal((72.0, 4), (a.OverallScore!.Value, a.MaturityLevel!.Value));
        Assert.Equal([new(Adoption, 75, "scored"), new DimensionScore(Governance, 80, "scored")], a.Dimensions);
        // Overall 72 among 15, 38, 47, 55, 61, 72, 85: (5 below + half of 1 tie) / 7.
        Assert.Equal(new PeerPosition("overall", Breakdowns.Sector, Breakdowns.AllGroup, 7, 55, 42.5, 66.5, 78.57, true), Peer(a, "overall", Breakdowns.Sector));
        // Among E06 (38, 55, 72): (2 + 0.5) / 3; median 55, quartiles at 0.5 and 1.5.
        Assert.Equal(new PeerPosition("overall", Breakdowns.Type, "E06", 3, 55, 46.5, 63.5, 83.33, false), Peer(a, "overall", Breakdowns.Type));
        Assert.Equal(83.33, Peer(a, "overall", Breakdowns.Region).Percentile); // NE: 15, 55, 72

        var g = content.Councils.Single(c => c.Code == "E10000002");
        Assert.Equal(new DimensionScore(Adoption, null, "insufficient"), g.Dimensions[0]);
        Assert.Null(Peer(g, Adoption, Breakdowns.Sector).Percentile);
        // F is alone in E10 with an adoption score: no value below, itself the one tie -> 50.
        Assert.Equal(50, Peer(content.Councils.Single(c => c.Code == "E10000001"), Adoption, Breakdowns.Type).Percentile);
    }

    [Fact]
    public async Task RunAsync_records_the_round_count_and_a_current_snapshot()
    {
        int roundId;
        await using (var db = _database.CreateContext())
        {
            roundId = await SeedAsync(db);
            await Runner(db).RunAsync(roundId, Questions);
        }

        await using var read = _database.CreateContext();
        var snapshot = await new SnapshotReader(read).GetCurrentSnapshotAsync(roundId);
        Assert.NotNull(snapshot);
        Assert.Equal((7, true, 64), (snapshot.ReturnCount, snapshot.IsCurrent, snapshot.InputHash.Length));
        Assert.Equal(new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc), snapshot.ComputedAt);
    }

    public void Dispose() => _database.Dispose();

    private async Task<SnapshotContent> RunAsync()
    {
        int roundId;
        await using (var db = _database.CreateContext())
        {
            roundId = await SeedAsync(db);
            await Runner(db).RunAsync(roundId, Questions);
        }

        // Per-council results are rows beside the snapshot; the reader puts them back into the internal view.
        await using var read = _database.CreateContext();
        return (await new SnapshotReader(read).GetCurrentContentAsync(roundId))!;
    }

    private static QuestionGroup Group(QuestionResult question, string breakdown, string group) =>
        question.Groups.Single(g => g.Breakdown == breakdown && g.Group == group);

    private static ResponseRate Rate(SnapshotContent content, string breakdown, string group) =>
        content.Responses.Rates.Single(r => r.Breakdown == breakdown && r.Group == group);

    private static PeerPosition Peer(CouncilResult council, string dimensionId, string breakdown) =>
        council.Peers.Single(p => p.DimensionId == dimensionId && p.Breakdown == breakdown);
}
