using System.Diagnostics;
using System.Net.Sockets;
using System.Net;
using System.Text;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Web.MultiNode;

/// <summary>The web app (or a worker) as a real process of its own, as it runs in production.</summary>
public sealed class Node : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private Node(string name, Process process, Uri? address)
    {
        Name = name;
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>Where a web node listens; null for a worker.</summary>
    public Uri? Address { get; }

    /// <summary>What the process has written, for a failure message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static Node StartWeb(string name, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        return new Node(name, Launch(environment, "--urls", address.ToString().TrimEnd('/')), address);
    }

    public static Node StartWorker(string name, IReadOnlyDictionary<string, string> environment) =>
        new(name, Launch(environment, "--worker"), null);

    /// <summary>Waits until /health answers 200.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            Assert.False(_process.HasExited, $"Node {Name} stopped at start:\n{Log}");
            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Node {Name} was not healthy within {timeout}:\n{Log}");
    }

    /// <summary>SIGKILL: no shutdown, no clean-up, as when a machine dies.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static Process Launch(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,

            // The web project's folder: its content root, as with dotnet run.
            WorkingDirectory = Repository.File("src", "ReadinessSurvey.Web"),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ReadinessSurvey.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
