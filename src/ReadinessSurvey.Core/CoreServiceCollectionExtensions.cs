using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey;

/// <summary>Registers everything the web app and the CLI share.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddReadinessCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddReadinessData(configuration);
        services.AddScoped<CouncilRegisterImporter>();
        services.AddScoped<AuditLog>();
        services.AddScoped<RoundService>();
        services.AddOptions<AggregationOptions>().BindConfiguration(AggregationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AggregationRunner>();
        services.AddScoped<SnapshotReader>();
        return services;
    }
}
