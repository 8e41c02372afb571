using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Tests.TestSupport;

/// <summary>
/// A small fixed data set with hand-computed results: nine councils of three types in two regions;
/// seven submitted (A..G), H in progress, I with no return. The figures the tests expect are worked
/// out in the comments of <see cref="SeedAsync"/>.
/// </summary>
public static class SevenCouncils
{
    public const string NorthEast = "E12000001";
    public const string NorthWest = "E12000002";
    public const string Status = "B1";
    public const string Types = "B2";
    public const string Tools = "B3";
    public const string Adoption = "adoption";
    public const string Governance = "governance";

    public static IReadOnlyList<QuestionShape> Questions { get; } =
    [
        new(Status, QuestionKinds.SingleChoice, ["none", "exploring", "piloting", "live-some", "live-many"]),
        new(Types, QuestionKinds.Multiple, ["perceptive", "predictive", "generative", "simulation"]),
        QuestionShape.Number(Tools),
    ];

    public static AggregationRunner Runner(ReadinessDbContext db, int threshold = 5) =>
        new(db, new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero)),
            Options.Create(new AggregationOptions { SuppressionThreshold = threshold }));

    /// <summary>Seeds the data set and returns the round's id.</summary>
    /// <remarks>
    /// council type region  overall level B1         B2                               B3  adoption
    /// A       E06  NE      72      4     live-many  generative, predictive           12  75
    /// B       E06  NE      55      3     live-some  generative                       4   50
    /// C       E06  NW      38      2     piloting   generative                       1   25
    /// D       E07  NE      15      1     none       (not asked)                      0   0
    /// E       E07  NW      61      4     live-some  generative, perceptive           3   62.5
    /// F       E10  NW      85      5     live-many  generative, predictive, simulation 20 100
    /// G       E10  NW      47      3     exploring  (not asked)                      -   insufficient
    /// H       E07  NW      in progress (invited);  I  E10  NE  no return, not invited.
    /// </remarks>
    public static async Task<int> SeedAsync(ReadinessDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roundId = await SurveyData.AddRoundAsync(db);
        var councils = new[]
        {
            SurveyData.Council("E06000001", "E06", NorthEast, "unitary"),
            SurveyData.Council("E06000002", "E06", NorthEast, "unitary"),
            SurveyData.Council("E06000003", "E06", NorthWest, "unitary"),
            SurveyData.Council("E07000001", "E07", NorthEast, "lower"),
            SurveyData.Council("E07000002", "E07", NorthWest, "lower"),
            SurveyData.Council("E10000001", "E10", NorthWest, "upper"),
            SurveyData.Council("E10000002", "E10", NorthWest, "upper"),
            SurveyData.Council("E07000003", "E07", NorthWest, "lower"),
            SurveyData.Council("E10000003", "E10", NorthEast, "upper"),
        };
        db.Councils.AddRange(councils);
        foreach (var council in councils.Take(8))
        {
            SurveyData.Invite(db, roundId, council);
        }

        await db.SaveChangesAsync();
        var (a, b, c, d, e, f, g, h) = (councils[0], councils[1], councils[2], councils[3], councils[4], councils[5], councils[6], councils[7]);

        await new ReturnBuilder(roundId, a.Id).Overall(72, 4).Score(Adoption, 75).Score(Governance, 80)
            .Choice(Status, "live-many").Selections(Types, "generative", "predictive").Number(Tools, 12).SaveAsync(db);
        await new ReturnBuilder(roundId, b.Id).Overall(55, 3).Score(Adoption, 50).Score(Governance, 60)
            .Choice(Status, "live-some").Selections(Types, "generative").Number(Tools, 4).SaveAsync(db);
        await new ReturnBuilder(roundId, c.Id).Overall(38, 2).Score(Adoption, 25).Score(Governance, 40)
            .Choice(Status, "piloting").Selections(Types, "generative").Number(Tools, 1).SaveAsync(db);
        await new ReturnBuilder(roundId, d.Id).Overall(15, 1).Score(Adoption, 0).Score(Governance, 20)
            .Choice(Status, "none").Number(Tools, 0).SaveAsync(db);
        await new ReturnBuilder(roundId, e.Id).Overall(61, 4).Score(Adoption, 62.5).Score(Governance, 70)
            .Choice(Status, "live-some").Selections(Types, "generative", "perceptive").Number(Tools, 3).SaveAsync(db);
        await new ReturnBuilder(roundId, f.Id).Overall(85, 5).Score(Adoption, 100).Score(Governance, 90)
            .Choice(Status, "live-many").Selections(Types, "generative", "predictive", "simulation").Number(Tools, 20).SaveAsync(db);
        await new ReturnBuilder(roundId, g.Id).Overall(47, 3).Score(Adoption, null, "insufficient").Score(Governance, 50)
            .Choice(Status, "exploring").SaveAsync(db);
        await new ReturnBuilder(roundId, h.Id).Status(ReturnStatus.InProgress).Choice(Status, "piloting").SaveAsync(db);
        return roundId;
    }
}
