using System.Diagnostics;
using System.Globalization;

namespace ReadinessSurvey.Performance;

/// <summary>
/// Start-up as an operator meets it: the web app answering <c>/health</c> after a cold start of its process,
/// and the CLI's <c>round list</c>, both on the ten-round database. The baseline is the .NET runtime starting
/// a program that does nothing (this one, with <c>noop</c>).
/// </summary>
internal static class StartupScenarios
{
    public static async Task<Result> HealthAfterColdStartAsync(Workload workload, int rounds, int repeat)
    {
        await workload.SeededRoundsAsync(rounds);
        var baseline = await NoopAsync(workload, repeat);
        var worst = 0.0;
        for (var i = 0; i < repeat; i++)
        {
            var port = AppProcess.FreePort();
            var watch = Stopwatch.StartNew();
            using var app = AppProcess.StartWeb(workload, port);
            await app.WaitUntilHealthyAsync(port, TimeSpan.FromSeconds(60));
            worst = Math.Max(worst, watch.Elapsed.TotalSeconds);
        }

        return new Result("health", $"web app /health after a cold start ({rounds} rounds)", worst, "s", "< 5 s", worst < 5,
            "start a .NET program that does nothing", baseline, string.Create(CultureInfo.InvariantCulture, $"worst of {repeat} starts"));
    }

    public static async Task<Result> RoundListAsync(Workload workload, int rounds, int repeat)
    {
        await workload.SeededRoundsAsync(rounds);
        var baseline = await NoopAsync(workload, repeat);
        var worst = 0.0;
        for (var i = 0; i < repeat; i++)
        {
            worst = Math.Max(worst, await Measure.SecondsAsync(() => AppProcess.RunAsync("readiness.dll", ["round", "list"], workload.Settings, workload.Folder)));
        }

        return new Result("cli", $"CLI round list ({rounds} rounds)", worst, "s", "< 2 s", worst < 2,
            "start a .NET program that does nothing", baseline, string.Create(CultureInfo.InvariantCulture, $"worst of {repeat} runs"));
    }

    private static Task<double> NoopAsync(Workload workload, int repeat) =>
        Measure.WorstSecondsAsync(repeat, () => AppProcess.RunAsync("ReadinessSurvey.Performance.dll", ["noop"], new Dictionary<string, string?>(), workload.Folder));
}
