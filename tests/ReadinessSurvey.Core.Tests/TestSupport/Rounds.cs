using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.TestSupport;

/// <summary>Opens rounds on the default survey through <see cref="RoundService"/>.</summary>
public static class Rounds
{
    public const string DefaultSurvey = "ai-readiness-2024-25";

    public static async Task<int> OpenAsync(IServiceProvider services, string name = "AI readiness 2025")
    {
        await using var scope = services.CreateAsyncScope();
        var round = await scope.ServiceProvider.GetRequiredService<RoundService>().OpenAsync(
            new OpenRoundRequest(name, DefaultSurvey, null, null, DateTime.UtcNow.AddDays(30)), "test");
        return round.Id;
    }
}
