using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Web;

/// <summary>
/// The real CLI or web app as a child process on a database of the test's choosing, as an operator
/// starts them: for what only a whole process shows (start-up, being killed, refusing to start).
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing from the test runner's own environment decides how the app starts.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Standard output and error so far, interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The CLI (<c>readiness</c>) with these arguments on a SQLite file.</summary>
    public static AppProcess Cli(string connectionString, params string[] args)
    {
        var environment = StorageBeside(connectionString);
        environment["ConnectionStrings__Readiness"] = connectionString;
        environment["Database__Provider"] = "Sqlite";
        return new("readiness.dll", args, environment);
    }

    /// <summary>The web app listening on a loopback port, in the given environment, with extra settings.</summary>
    public static AppProcess Web(string connectionString, int port, string environment, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = StorageBeside(connectionString);
        all["ConnectionStrings__Readiness"] = connectionString;
        all["Database__Provider"] = "Sqlite";
        all["ASPNETCORE_ENVIRONMENT"] = environment;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new AppProcess("ReadinessSurvey.Web.dll", ["--urls", $"http://127.0.0.1:{port}"], all);
    }

    /// <summary>
    /// The CLI or the web app started in <paramref name="folder"/> with only the given settings, as an operator runs it
    /// from a checkout: relative folders (data/, surveys/, reports/) are under that folder.
    /// </summary>
    public static AppProcess StartIn(string folder, bool web, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        new(web ? "ReadinessSurvey.Web.dll" : "readiness.dll", args, environment, folder);

    /// <summary>Storage settings as environment variables: every folder beside the SQLite file, the repository's survey definitions.</summary>
    private static Dictionary<string, string?> StorageBeside(string connectionString)
    {
        var folder = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource)!;
        return Repository.StorageSettings(folder).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for the process to exit; fails with its output when it has not within the time given.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The process had not finished after {within.TotalSeconds:0} s (hung?). Output:\n{Output}");
        }

        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>Polls <c>/health</c> until it answers 200; fails with the app's output when it has not within the time given.</summary>
    public async Task WaitUntilHealthyAsync(int port, TimeSpan within)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"The web app exited with {(_process.HasExited ? _process.ExitCode : 0)}. Output:\n{Output}");
            try
            {
                if ((await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The web app did not answer /health within {within.TotalSeconds:0} s (hung?). Output:\n{Output}");
    }

    /// <summary>kill -9 of the process and its children.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
