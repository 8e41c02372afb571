using System.ComponentModel.DataAnnotations;

namespace ReadinessSurvey.Jobs;

/// <summary>Background job settings, bound from the "Jobs" section.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>
    /// "Web" (default): the web app, with a job server inside it unless <see cref="Server"/> is false.
    /// "Worker": the job server only, no HTTP (also chosen by the --worker argument).
    /// </summary>
    public JobsMode Mode { get; set; } = JobsMode.Web;

    /// <summary>Whether a web process also runs jobs. Turn off on web-only nodes when workers run the jobs (server databases only).</summary>
    public bool Server { get; set; } = true;

    /// <summary>Job server threads (default: Hangfire's, 5 per core up to 20).</summary>
    [Range(1, 100)]
    public int? WorkerCount { get; set; }

    /// <summary>How long after a submission or reopening the round is aggregated; submissions within it share one run.</summary>
    [Range(0, 3600)]
    public int AggregationDelaySeconds { get; set; } = 3;

    /// <summary>
    /// On a server database: how long after a worker's last sign of life its running job is handed to another
    /// worker (a killed worker's report is started again after this). Default 5 minutes.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When every open round is aggregated (cron, in <see cref="TimeZone"/>); default 02:00 daily.</summary>
    [Required]
    public string NightlyAggregationCron { get; set; } = "0 2 * * *";

    /// <summary>The time zone of <see cref="NightlyAggregationCron"/>; default UK time.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/London";
}

/// <summary>How the host runs: the web app, or a job worker with no HTTP.</summary>
public enum JobsMode
{
    Web = 0,
    Worker = 1,
}
