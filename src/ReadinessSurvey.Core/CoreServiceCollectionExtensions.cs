using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Data;

namespace ReadinessSurvey;

/// <summary>Registers everything the web app and the CLI share.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddReadinessCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddReadinessData(configuration);
        services.AddScoped<CouncilRegisterImporter>();
        return services;
    }
}
