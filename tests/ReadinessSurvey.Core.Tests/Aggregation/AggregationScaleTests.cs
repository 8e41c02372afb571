using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Tests.TestSupport;
using Xunit.Abstractions;

namespace ReadinessSurvey.Tests.Aggregation;

/// <summary>A run over the whole register (339 councils) keeps its guarantees (its speed is in the performance project).</summary>
[Trait("Category", "Slow")]
public sealed class AggregationScaleTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Status = ["none", "exploring", "piloting", "live-some", "live-many"];
    private static readonly string[] Types = ["perceptive", "predictive", "generative", "simulation"];
    private static readonly string[] Dimensions = ["adoption", "data", "governance", "skills", "strategy", "technology", "use"];

    private readonly TestDatabase _database = new();

    [Fact]
    public async Task RunAsync_whole_register_publishes_safely()
    {
        int roundId;
        await using (var db = _database.CreateContext())
        {
            await new CouncilRegisterImporter(db, new FakeTimeProvider()).ImportAsync(CouncilRegister.BundledFile);
            roundId = await SurveyData.AddRoundAsync(db);
            var random = new Random(20250106);
            foreach (var council in await db.Councils.OrderBy(c => c.Code).ToListAsync())
            {
                if (random.Next(10) < 2)
                {
                    continue; // about 80% respond
                }

                var overall = Math.Round(random.NextDouble() * 100, 1);
                var builder = new ReturnBuilder(roundId, council.Id)
                    .Overall(overall, Math.Min(5, 1 + (int)(overall / 20)))
                    .Choice("B1", Status[random.Next(Status.Length)])
                    .Selections("B2", [.. Types.Where(_ => random.Next(2) == 0)])
                    .Number("B3", random.Next(0, 30));
                foreach (var dimension in Dimensions)
                {
                    builder.Score(dimension, random.Next(20) == 0 ? null : Math.Round(random.NextDouble() * 100, 1), "scored");
                }

                await builder.SaveAsync(db);
            }
        }

        QuestionShape[] questions =
        [
            new("B1", QuestionKinds.SingleChoice, Status),
            new("B2", QuestionKinds.Multiple, Types),
            QuestionShape.Number("B3"),
            new("C2", QuestionKinds.Text, []),
        ];
        AggregateSnapshot snapshot;
        await using (var db = _database.CreateContext())
        {
            snapshot = await SevenCouncils.Runner(db).RunAndProtectAsync(roundId, questions);
        }

        output.WriteLine($"Aggregated {snapshot.ReturnCount} returns; content {snapshot.ContentJson.Length} chars, published {snapshot.PublishedJson!.Length}, log {snapshot.SuppressionLogJson!.Length}.");
        var published = SnapshotJson.ReadPublished(snapshot);
        Assert.Equal(snapshot.ReturnCount, published.Questions.Single(q => q.QuestionId == "B1").Groups[0].Base);
        Assert.DoesNotContain(published.Questions, q => q.QuestionId == "C2");
        // Every published option count is 0 or at least 5.
        Assert.All(
            published.Questions.SelectMany(q => q.Groups).SelectMany(g => g.Options).Select(o => o.Count).OfType<int>(),
            count => Assert.True(count is 0 or >= 5, $"{count} was published."));
    }

    public void Dispose() => _database.Dispose();
}
