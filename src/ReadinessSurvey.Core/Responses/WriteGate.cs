using System.Collections.Concurrent;

namespace ReadinessSurvey.Responses;

/// <summary>
/// One writer at a time inside this process. SQLite allows a single writer; when two connections
/// collide, the driver sleeps ~150 ms before retrying, which is what made a naive p99 of 620 ms at 32
/// clients. Writes queue here instead and never meet a busy database. On SQL Server the gate is open.
/// </summary>
/// <remarks>
/// Note: the queue is served by one dedicated thread, not a lock. With a lock (SemaphoreSlim) each
/// hand-over to the next writer went through the thread pool's queue, behind every other request's
/// work, so on a busy 2-core machine the writer waited ~40 ms per save at 8 clients while the write
/// itself took a few. The dedicated thread starts the next write as soon as one ends. SQLite's ADO.NET
/// driver does its work synchronously, so the thread runs each write to completion; a write must not
/// enter the gate again (it would wait for itself).
/// </remarks>
public sealed class WriteGate(bool serialise) : IDisposable
{
    private readonly BlockingCollection<Job> _queue = [];
    private readonly Lock _start = new();
    private Thread? _writer;

    /// <summary>Runs a write alone (SQLite) or straight away (SQL Server).</summary>
    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!serialise)
        {
            return write(cancellationToken);
        }

        var job = new Job<T>(write, cancellationToken);
        EnsureWriter();
        _queue.Add(job, cancellationToken);
        return job.Done.Task;
    }

    /// <summary>Runs a write that returns nothing; see <see cref="RunAsync{T}"/>.</summary>
    public Task RunAsync(Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return RunAsync(async ct =>
        {
            await write(ct);
            return true;
        }, cancellationToken);
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _writer?.Join();
        _queue.Dispose();
    }

    private void EnsureWriter()
    {
        if (_writer is not null)
        {
            return;
        }

        lock (_start)
        {
            _writer ??= StartWriter();
        }
    }

    private Thread StartWriter()
    {
        var thread = new Thread(() =>
        {
            foreach (var job in _queue.GetConsumingEnumerable())
            {
                job.Run();
            }
        })
        {
            IsBackground = true,
            Name = "Database writer",
        };
        thread.Start();
        return thread;
    }

    private abstract class Job
    {
        public abstract void Run();
    }

    private sealed class Job<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken) : Job
    {
        // The caller's context (activity, logging scopes) goes with its write.
        private readonly ExecutionContext? _context = ExecutionContext.Capture();

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run()
        {
            if (_context is null)
            {
                Execute();
            }
            else
            {
                ExecutionContext.Run(_context, static job => ((Job<T>)job!).Execute(), this);
            }
        }

        private void Execute()
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Done.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                Done.TrySetResult(write(cancellationToken).GetAwaiter().GetResult());
            }
            catch (OperationCanceledException ex)
            {
                Done.TrySetCanceled(ex.CancellationToken);
            }
            catch (Exception ex)
            {
                Done.TrySetException(ex);
            }
        }
    }
}
