using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Data;
using ReadinessSurvey.Jobs;

namespace ReadinessSurvey.Web.Jobs;

/// <summary>
/// Hangfire for the web app and the worker: storage chosen by <c>Database:Provider</c> (in memory on the
/// embedded SQLite default; tables in schema "hangfire" of the server database otherwise, shared by every
/// node), the job server when wanted, and the start-up work (nightly schedule, unfinished report requests).
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
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            switch (target.Provider)
            {
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(target.ConnectionString, new SqlServerStorageOptions
                    {
                        SchemaName = HangfireSchema,
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = TimeSpan.Zero,
                        SlidingInvisibilityTimeout = jobs.InvisibilityTimeout,
                        DisableGlobalLocks = true,
                    });
                    break;
                case DatabaseProvider.PostgreSql:
                    // A lock here is a row, not a session: a killed worker's lock lasts until it times out. The
                    // timeout equals the invisibility timeout, so when a dead worker's job is fetched again its lock has gone.
                    config.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(target.ConnectionString), new PostgreSqlStorageOptions
                    {
                        SchemaName = HangfireSchema,
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = TimeSpan.FromSeconds(1),
                        UseSlidingInvisibilityTimeout = true,
                        InvisibilityTimeout = jobs.InvisibilityTimeout,
                        DistributedLockTimeout = jobs.InvisibilityTimeout,
                    });
                    break;
                default:
                    // Jobs are lost when the process ends; what must not be lost is recorded in the database
                    // (report requests) or recomputed anyway (aggregation, nightly).
                    config.UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long });
                    break;
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
