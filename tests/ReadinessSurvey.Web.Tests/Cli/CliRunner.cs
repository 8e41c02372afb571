using System.Diagnostics;
using ReadinessSurvey.Cli;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Web.Cli;

/// <summary>Runs the real CLI against a given database, as an administrator would.</summary>
/// <remarks>
/// <see cref="RunAsync(TestDatabase, string[])"/> runs a command in this process through
/// <see cref="CliApp.RunAsync"/>, the entry point the executable's Program.cs calls with the console's
/// writers: the same parsing, services, database start-up, output and exit code, without paying for a new
/// .NET process per command. <see cref="RunProcessAsync"/> starts the executable itself, for the tests that
/// are about the process (its exit code and streams, settings from environment variables).
/// </remarks>
public static class CliRunner
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, params string[] args) =>
        RunAsync(database, new Dictionary<string, string?>(), args);

    /// <summary>Runs a command in this process with settings added to the database's (for example <c>Email:Mode</c>).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(settings);
        var all = database.Settings();
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, all);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs the CLI executable as a child process, its settings as environment variables.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(TestDatabase database, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "readiness.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        ArgumentNullException.ThrowIfNull(database);
        foreach (var (key, value) in database.Settings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
