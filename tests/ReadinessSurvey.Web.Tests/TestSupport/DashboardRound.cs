using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Demo;

namespace ReadinessSurvey.Tests.Web;

/// <summary>
/// A round with demo returns (through the respondents' own code paths), counted, for dashboard tests: the dashboards
/// show the internal figures, so the published view is not protected (decision 0093).
/// </summary>
public static class DashboardRound
{
    public static async Task<int> SeedAsync(ReadinessWebFactory factory, int councils, int seed = 7)
    {
        var scenario = new Scenario(factory);
        var roundId = await scenario.OpenRoundAsync("Dashboard " + Guid.NewGuid().ToString("N")[..6]);
        await AddAsync(factory, roundId, councils, seed);
        return roundId;
    }

    /// <summary>Seeds more councils into the round and counts it again.</summary>
    public static async Task AddAsync(ReadinessWebFactory factory, int roundId, int councils, int seed)
    {
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoReturns>().SeedAsync(roundId, councils, seed);
        }

        using var aggregate = factory.Services.CreateScope();
        await aggregate.ServiceProvider.GetRequiredService<RoundAggregator>().CountAsync(roundId);
    }

    /// <summary>The round's current snapshot, internal view, as the aggregation stored it.</summary>
    public static async Task<SnapshotContent> ContentAsync(ReadinessWebFactory factory, int roundId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SnapshotReader>().GetCurrentContentAsync(roundId)
               ?? throw new InvalidOperationException($"Round {roundId} has no snapshot.");
    }
}
