using System.Diagnostics;
using System.Globalization;

namespace ReadinessSurvey.Performance;

/// <summary>
/// One measured figure against its target, and against a baseline measured in the same run on the same
/// machine: the ratio is what stays comparable between a quiet laptop and a loaded build server.
/// </summary>
/// <param name="Judged">False for a part of a figure shown beside it (the target is the whole's): no pass or fail.</param>
internal sealed record Result(string Scenario, string What, double Value, string Unit, string Target, bool Passed, string Baseline, double BaselineValue, string? Note = null, bool Judged = true)
{
    public double Ratio => BaselineValue > 0 ? Value / BaselineValue : double.NaN;

    /// <summary>Times as "12.3x" their baseline; counts (no unit) as a plain share, such as failed saves of saves made.</summary>
    private string RatioText => Unit.Length == 0
        ? Ratio.ToString("0.000", CultureInfo.InvariantCulture)
        : Ratio.ToString("0.0", CultureInfo.InvariantCulture) + "x";

    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Scenario} | {What} | {Measure.Format(Value, Unit)} | {Target} | {(!Judged ? "-" : Passed ? "pass" : "FAIL")} | {Baseline}: {Measure.Format(BaselineValue, Unit)} | {RatioText} | {Note} |");
}

internal static class Measure
{
    public const string Header = "| scenario | what | measured | target | result | baseline (same run) | ratio | notes |";
    public const string Rule = "|---|---|---|---|---|---|---|---|";

    public static async Task<double> SecondsAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The slowest of <paramref name="times"/> runs, each timed on its own: the figure a user can meet.</summary>
    public static async Task<double> WorstSecondsAsync(int times, Func<Task> action)
    {
        var worst = 0.0;
        for (var i = 0; i < times; i++)
        {
            worst = Math.Max(worst, await SecondsAsync(action));
        }

        return worst;
    }

    /// <summary>The nearest-rank percentile of a set of timings.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static string Format(double value, string unit) => unit switch
    {
        "ms" => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        "" => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.ToString(value < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture) + " " + unit,
    };

    /// <summary>The machine's load at the time, printed beside the figures: other work on a shared machine changes them.</summary>
    public static string Machine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores, load average {(File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a")}, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

    /// <summary>Progress on standard error, so standard output holds only the results.</summary>
    public static void Say(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
