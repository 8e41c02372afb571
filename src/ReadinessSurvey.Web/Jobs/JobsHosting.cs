using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
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
        // This app's own storage, registered before AddHangfire (which only adds one if none is there): Hangfire's
        // default registration hands out the process-wide JobStorage.Current, so two apps in one process (the
        // tests run several) could enqueue into each other's database.
        services.AddSingleton(sp => CreateStorage(sp.GetRequiredService<DatabaseTarget>(), sp.GetRequiredService<IOptions<JobsOptions>>().Value));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));

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

    private static JobStorage CreateStorage(DatabaseTarget target, JobsOptions jobs) => target.Provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerStorage(target.ConnectionString, new SqlServerStorageOptions
        {
            SchemaName = HangfireSchema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.Zero,
            SlidingInvisibilityTimeout = jobs.InvisibilityTimeout,
            DisableGlobalLocks = true,
        }),

        // A lock here is a row, not a session: a killed worker's lock lasts until it times out. The timeout
        // equals the invisibility timeout, so when a dead worker's job is fetched again its lock has gone.
        DatabaseProvider.PostgreSql => PostgreSql(target.ConnectionString, new PostgreSqlStorageOptions
        {
            SchemaName = HangfireSchema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = jobs.InvisibilityTimeout,
            DistributedLockTimeout = jobs.InvisibilityTimeout,
        }),

        // Jobs are lost when the process ends; what must not be lost is recorded in the database (report
        // requests, email messages) or recomputed anyway (aggregation, nightly).
        _ => new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long }),
    };

    private static PostgreSqlStorage PostgreSql(string connectionString, PostgreSqlStorageOptions options) =>
        new(new NpgsqlConnectionFactory(connectionString, options), options);
}
