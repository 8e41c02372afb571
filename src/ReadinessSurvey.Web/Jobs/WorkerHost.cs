using Microsoft.Extensions.Options;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Web.Jobs;

/// <summary>
/// A job worker: the Hangfire server with no HTTP (no Kestrel). Start more of them against SQL Server to
/// spread jobs over machines. On the SQLite default, job storage is in memory and private to a process,
/// so a separate worker would see no jobs: there, let the web app run them.
/// </summary>
public static class WorkerHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args.Where(a => !string.Equals(a, "--worker", StringComparison.OrdinalIgnoreCase)).ToArray());
        builder.Services.AddReadinessCore(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddReadinessJobsHost(builder.Configuration, worker: true);
        using var host = builder.Build();
        DatabaseTarget target;
        try
        {
            target = host.Services.GetRequiredService<DatabaseTarget>();
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("ReadinessSurvey worker did not start: " + string.Join(" ", ex.Failures));
            return 1;
        }

        if (target.Provider == DatabaseProvider.Sqlite)
        {
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkerHost))
                .LogWarning("Worker mode on SQLite: job storage is in memory, so this worker runs only its own nightly and re-enqueued jobs.");
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        await host.RunAsync();
        return 0;
    }
}
