using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReadinessSurvey.Performance;

/// <summary>
/// The web app or the CLI as a process of its own, started from this program's folder as an operator
/// starts them (<c>dotnet ReadinessSurvey.Web.dll</c>), configured by environment variables.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;

    private AppProcess(Process process) => _process = process;

    /// <summary>The web app on a loopback port, in Production, pointed at the workload.</summary>
    public static AppProcess StartWeb(Workload workload, int port, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(workload.Settings)
        {
            ["Site:BaseUrl"] = $"http://127.0.0.1:{port}/",
            ["Logging:LogLevel:Default"] = "Warning",

            // Warnings and errors on standard error, which is echoed; the start-up banner on standard output is not.
            ["Logging:Console:LogToStandardErrorThreshold"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // Started in its own folder, as when deployed: that is its content root (appsettings.json, the privacy notice).
        var process = Start("ReadinessSurvey.Web.dll", ["--urls", $"http://127.0.0.1:{port}"], settings, AppContext.BaseDirectory, quiet: true);
        return new AppProcess(process);
    }

    /// <summary>Runs a program from this folder to its end; throws with its output when it fails.</summary>
    public static async Task RunAsync(string dll, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> settings, string workingDirectory)
    {
        using var process = Start(dll, args, settings, workingDirectory, quiet: false);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{dll} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for <c>/health</c> to answer 200, polling every 10 ms; throws when the process exits or the time is up.</summary>
    public async Task WaitUntilHealthyAsync(int port, TimeSpan within)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < within)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The web app exited with {_process.ExitCode} before answering /health.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(10);
        }

        throw new InvalidOperationException($"The web app did not answer /health within {within.TotalSeconds:0} s.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
    }

    private static Process Start(string dll, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> settings, string workingDirectory, bool quiet)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + dll);
        if (quiet)
        {
            // Drained so the app never blocks on a full pipe; what it logs at warning and above is echoed.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    Console.Error.WriteLine("  web: " + e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }
}
