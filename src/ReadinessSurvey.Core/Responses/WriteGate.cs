namespace ReadinessSurvey.Responses;

/// <summary>
/// One writer at a time inside this process. SQLite allows a single writer; when two connections
/// collide, the driver sleeps ~150 ms before retrying, which is what made a naive p99 of 620 ms at 32
/// clients. Queuing writers here instead costs microseconds. On SQL Server the gate is open.
/// </summary>
public sealed class WriteGate(bool serialise) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!serialise)
        {
            return NoLock.Instance;
        }

        await _lock.WaitAsync(cancellationToken);
        return new Releaser(_lock);
    }

    public void Dispose() => _lock.Dispose();

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }

    private sealed class NoLock : IDisposable
    {
        public static readonly NoLock Instance = new();

        public void Dispose()
        {
        }
    }
}
