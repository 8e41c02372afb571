using System.Globalization;
using ReadinessSurvey.Performance;

// dotnet run -c Release --project tests/ReadinessSurvey.Performance -- all | <scenario>... [options]
// Prints one Markdown row per figure (measured, target, pass or fail, and the ratio to a baseline measured
// in the same run); exits 1 when a target is missed. See docs/performance.md.
if (args is ["noop", ..])
{
    // The baseline for process start-up: the .NET runtime starting this program and doing nothing.
    return 0;
}

var options = RunOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(RunOptions.Usage);
    return 2;
}

var results = new List<Result>();
await using (var workload = await Workload.OpenAsync(options.Folder))
{
    foreach (var scenario in options.Scenarios)
    {
        Measure.Say($"Scenario {scenario}");
        results.AddRange(scenario switch
        {
            "aggregate" => await RoundScenarios.AggregateAsync(workload, options.Repeat),
            "sector" => [await RoundScenarios.SectorAsync(workload, options.Repeat)],
            "councils" => [await RoundScenarios.CouncilsAsync(workload, Math.Max(1, options.Repeat - 1))],
            "export" => [await RoundScenarios.ExportAsync(workload, options.Repeat)],
            "dashboard" => await DashboardScenario.RunAsync(workload, options.Rounds),
            "health" => [await StartupScenarios.HealthAfterColdStartAsync(workload, options.Rounds, options.Repeat)],
            "cli" => [await StartupScenarios.RoundListAsync(workload, options.Rounds, options.Repeat)],
            "deadline" => await DeadlineScenario.RunAsync(workload, options.Contributors, options.Rate, options.Seconds),
            _ => throw new InvalidOperationException("Unknown scenario " + scenario),
        });
    }
}

Console.WriteLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Measure.Machine()}");
Console.WriteLine();
Console.WriteLine(Measure.Header);
Console.WriteLine(Measure.Rule);
foreach (var result in results)
{
    Console.WriteLine(result.Row());
}

var failed = results.Count(r => r.Judged && !r.Passed);
Console.WriteLine();
Console.WriteLine(failed == 0 ? "Every target met." : string.Create(CultureInfo.InvariantCulture, $"{failed} of {results.Count(r => r.Judged)} targets missed."));
return failed == 0 ? 0 : 1;
