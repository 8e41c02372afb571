using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Data;
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

    /// <summary>
    /// Loads the bundled council register and the default survey into a bare database and opens a round
    /// on it, through the real services, without a service provider.
    /// </summary>
    public static async Task<int> OpenDefaultAsync(ReadinessDbContext db, TimeProvider clock, DefinitionCache cache, DateTime closes, string name = "2024-25")
    {
        await new CouncilRegisterImporter(db, clock).ImportAsync(CouncilRegister.BundledFile);
        var audit = new AuditLog(db, clock);
        await new SurveyLibrary(db, audit, clock, cache).ImportAsync(SurveyDefinitionLoader.LoadFile(Path.Combine(Repository.Surveys, DefaultSurvey + ".json")), "test");
        var round = await new RoundService(db, audit, clock).OpenAsync(new OpenRoundRequest(name, DefaultSurvey, null, null, closes), "test");
        return round.Id;
    }
}
