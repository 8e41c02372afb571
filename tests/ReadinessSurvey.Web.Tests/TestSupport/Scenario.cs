using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Web;

/// <summary>Sets up rounds and invitations in the web app's own database, through the same services.</summary>
public sealed class Scenario(ReadinessWebFactory factory)
{
    public const string SurveyId = "ai-readiness-2024-25";

    public async Task<int> OpenRoundAsync(string name = "2024-25", DateTime? closes = null)
    {
        factory.EnsureStarted();
        using var scope = factory.Services.CreateScope();
        var round = await scope.ServiceProvider.GetRequiredService<RoundService>().OpenAsync(
            new OpenRoundRequest(name, SurveyId, null, null, closes ?? DateTime.UtcNow.AddDays(30)), "test");
        return round.Id;
    }

    public async Task<IssuedInvitation> InviteAsync(int roundId, string councilCode = "E07000223", string name = "Alex Smith", string role = "Head of digital")
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InvitationService>().CreateAsync(
            new InvitationRequest(roundId, councilCode, name, name.Replace(' ', '.').ToLowerInvariant() + "@example.gov.uk", role), "test");
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }
}
