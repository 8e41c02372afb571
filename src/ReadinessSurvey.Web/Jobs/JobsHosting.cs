using Hangfire;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Data;
using ReadinessSurvey.Jobs;

namespace ReadinessSurvey.Web.Jobs;

/// <summary>
/// Hangfire for the web app and the worker: storage chosen by <c>Database:Provider</c> (in memory on the
/// embedded SQLite default, SQL Server tables in schema "hangfire" otherwise), the job server when
/// wanted, and the start-up work (nightly schedule, unfinished report requests).
/// </summary>
public static class JobsHosting
{
    public const string HangfireSchema = "hangfire";

    public const string NightlyAggregationJobId = "aggregate-open-rounds";

    public const string RemindersJobId = "email-reminders";

    public const string RetentionJobId = "privacy-retention";

    /// <summary>Whether this process should run as a job worker with no HTTP: <c>--worker</c>, or <c>Jobs:Mode=Worker</c>.</summary>
    public static bool IsWorker(string[] args, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        return args.Contains("--worker", StringComparer.OrdinalIgnoreCase)
            || string.Equals(configuration[$"{JobsOptions.SectionName}:{nameof(JobsOptions.Mode)}"], nameof(JobsMode.Worker), StringComparison.OrdinalIgnoreCase);
    }

    public static IServiceCollection AddReadinessJobsHost(this IServiceCollection services, IConfiguration configuration, bool worker)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddReadinessJobs();
        services.AddHangfire((sp, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            var target = sp.GetRequiredService<DatabaseTarget>();
            if (target.Provider == DatabaseProvider.SqlServer)
            {
                config.UseSqlServerStorage(target.ConnectionString, new SqlServerStorageOptions
                {
                    SchemaName = HangfireSchema,
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.Zero,
                    SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
                    DisableGlobalLocks = true,
                });
            }
            else
            {
                // Jobs are lost when the process ends; what must not be lost is recorded in the database
                // (report requests) or recomputed anyway (aggregation, nightly).
                config.UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long });
            }
        });

        var runServer = worker || (configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>()?.Server ?? true);
        if (runServer)
        {
            services.AddHangfireServer((sp, server) =>
            {
                if (sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount is { } count)
                {
                    server.WorkerCount = count;
                }

                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}{(worker ? ":worker" : "")}";
            });
        }

        services.AddHostedService<JobsStartup>();
        return services;
    }
}
