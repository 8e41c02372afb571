namespace ReadinessSurvey.Responses;

/// <summary>
/// One writer at a time inside this process on SQLite, which allows a single writer: saves wait here
/// on a <see cref="SemaphoreSlim"/> instead of meeting a locked database (where the driver retries after
/// a sleep). Other processes (the CLI) are covered by SQLite's busy timeout. On SQL Server the gate is open.
/// </summary>
public sealed class WriteGate(bool serialise) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Runs a write alone (SQLite) or straight away (SQL Server). A write must not enter the gate again.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!serialise)
        {
            return await write(cancellationToken);
        }

        await _one.WaitAsync(cancellationToken);
        try
        {
            return await write(cancellationToken);
        }
        finally
        {
            _one.Release();
        }
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

    public void Dispose() => _one.Dispose();
}
