using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Jobs;

/// <summary>
/// Registers the job classes and what schedules them. The host registers Hangfire itself (storage,
/// server, <c>JobStorage</c> and <c>IBackgroundJobClient</c>).
/// </summary>
public static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddReadinessJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AggregationScheduler>();
        services.Replace(ServiceDescriptor.Singleton<IReturnEvents, HangfireReturnEvents>());
        services.AddScoped<AggregationJob>();
        services.AddScoped<ReportQueue>();
        services.AddScoped<ReportJob>();
        services.Replace(ServiceDescriptor.Scoped<Email.IEmailDispatcher, HangfireEmailDispatcher>());
        services.AddScoped<EmailJob>();
        services.AddScoped<ReminderJob>();
        services.AddScoped<RetentionJob>();

        // Another feature registers the real generator; whichever is registered first wins.
        return services;
    }
}
