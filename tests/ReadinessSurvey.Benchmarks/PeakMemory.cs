using System.Diagnostics;

namespace ReadinessSurvey.Benchmarks;

/// <summary>
/// The peak working set of a part of a benchmark, from construction until <see cref="PeakMegabytes"/> is read.
/// On Linux the kernel keeps it (VmHWM, reset by writing 5 to /proc/self/clear_refs): exact, and it costs the
/// part measured nothing. Elsewhere the working set is sampled every 5 ms.
/// </summary>
/// <remarks>
/// Note: the report benchmarks used to sample with <c>Process.GetCurrentProcess().WorkingSet64</c>, about
/// 270 microseconds a time here, so about 5% of a core at 5 ms: free for a sequential run, which leaves a
/// core idle, but taken from the workers of a parallel one.
/// </remarks>
internal sealed class PeakMemory : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task? _sampling;
    private long _peak;

    public PeakMemory()
    {
        StartMegabytes = Environment.WorkingSet / (1024 * 1024);
        if (!TryResetPeak())
        {
            _sampling = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    _peak = Math.Max(_peak, Environment.WorkingSet);
                    await Task.Delay(5).ConfigureAwait(false);
                }
            });
        }
    }

    public long StartMegabytes { get; }

    /// <summary>True when the peak is the kernel's; false when it is sampled.</summary>
    public bool Exact => _sampling is null;

    /// <summary>The highest working set since construction; stops the sampling, if any.</summary>
    public long PeakMegabytes
    {
        get
        {
            Stop();
            if (_sampling is null)
            {
                using var process = Process.GetCurrentProcess();
                return process.PeakWorkingSet64 / (1024 * 1024);
            }

            return Math.Max(_peak, Environment.WorkingSet) / (1024 * 1024);
        }
    }

    /// <summary>Resets the kernel's peak resident set (VmHWM), so <see cref="Process.PeakWorkingSet64"/> counts from now (Linux 4.0+).</summary>
    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }

    private void Stop()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            _sampling?.Wait();
        }
    }
}
