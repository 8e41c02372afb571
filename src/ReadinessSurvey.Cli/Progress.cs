using Spectre.Console;

namespace ReadinessSurvey.Cli;

/// <summary>A progress bar on the error stream for work that may take more than a second or two.</summary>
public static class CliProgress
{
    public static async Task<T> RunAsync<T>(string description, Func<IProgress<int>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);

        // Progress goes to stderr so stdout stays clean for scripts (e.g. the links of a mail merge).
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (!console.Profile.Capabilities.Interactive)
        {
            return await work(new Progress<int>());
        }

        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(description, maxValue: 100);
                var progress = new SyncProgress(value => task.Value = value);
                var result = await work(progress);
                task.Value = 100;
                return result;
            });
    }

    /// <summary>Reports on the calling thread; <see cref="Progress{T}"/> would post to the thread pool.</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
