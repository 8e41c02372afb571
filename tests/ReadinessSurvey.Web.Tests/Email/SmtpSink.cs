using System.Diagnostics;
using MimeKit;

namespace ReadinessSurvey.Tests.Web.Email;

/// <summary>
/// A real SMTP server on loopback for one test class: smtp_sink.py under Debian's Python 3.11 (its
/// standard library still has smtpd), writing each accepted message to a folder as an .eml file.
/// Addresses containing "refuse" are refused with a permanent error.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly Process _process;

    public SmtpSink()
    {
        Folder = Path.Combine(Path.GetTempPath(), "readiness-tests", "smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var script = Path.Combine(AppContext.BaseDirectory, "Email", "smtp_sink.py");
        _process = Process.Start(new ProcessStartInfo(python, ["-W", "ignore", script, Folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Could not start python3 for the test SMTP server.");
        var line = _process.StandardOutput.ReadLine();
        if (!int.TryParse(line, out var port))
        {
            throw new InvalidOperationException($"The test SMTP server did not start ({python}): {line} {_process.StandardError.ReadToEnd()}");
        }

        Port = port;
    }

    public int Port { get; }

    public string Folder { get; }

    /// <summary>The messages received so far, each with the envelope recipients the server saw.</summary>
    public IReadOnlyList<(string EnvelopeTo, MimeMessage Message)> Messages() =>
        [.. Directory.GetFiles(Folder, "*.eml").Select(f => MimeMessage.Load(f)).Select(m => (m.Headers["X-Envelope-To"] ?? "", m))];

    /// <summary>Waits (up to 20 s) for a message to the address.</summary>
    public async Task<MimeMessage> WaitForAsync(string to)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = Messages().FirstOrDefault(m => m.EnvelopeTo == to);
            if (found.Message is not null)
            {
                return found.Message;
            }

            Assert.True(DateTime.UtcNow < until, $"No message to {to} reached the test SMTP server.");
            await Task.Delay(100);
        }
    }

    private bool _disposed;

    public void Dispose()
    {
        // The factory's Dispose and DisposeAsync both dispose their parts.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
