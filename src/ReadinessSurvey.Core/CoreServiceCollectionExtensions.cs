using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Data;
using ReadinessSurvey.Demo;
using ReadinessSurvey.Email;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Storage;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey;

/// <summary>Registers everything the web app and the CLI share.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <param name="storageRoot">The folder relative storage settings are under (<see cref="Storage.StorageOptions"/>): the web app's content root, the CLI's current directory.</param>
    public static IServiceCollection AddReadinessCore(this IServiceCollection services, IConfiguration configuration, string storageRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddReadinessStorage(storageRoot);
        services.AddReadinessData(configuration);
        services.AddScoped<CouncilRegisterImporter>();
        services.AddScoped<AuditLog>();
        services.AddPolicyAccounts();
        services.AddScoped<RoundService>();
        services.AddScoped<InvitationService>();
        services.AddSingleton<DefinitionCache>();
        services.AddScoped<SurveyLibrary>();
        services.AddSingleton(sp => new WriteGate(sp.GetRequiredService<DatabaseTarget>().Provider == DatabaseProvider.Sqlite));
        services.AddScoped<ReturnService>();
        services.AddScoped<SubmissionService>();
        services.TryAddSingleton<IReturnEvents, NoReturnEvents>();
        services.AddOptions<AggregationOptions>().BindConfiguration(AggregationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AggregationRunner>();
        services.AddScoped<SnapshotReader>();
        services.AddScoped<RoundAggregator>();
        services.AddScoped<DemoReturns>();
        services.AddScoped<Publishing.PublishingService>();
        services.AddReadinessEmail();
        services.AddScoped<Reporting.ReportService>().AddScoped<Reporting.IReportGenerator, Reporting.ReportService>();
        return services;
    }
}
