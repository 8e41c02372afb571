using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>Reads a stream on the thread pool, a bounded number of items ahead of its consumers.</summary>
/// <remarks>
/// Note: items cross the channel in batches of <see cref="BatchSize"/>: one channel operation per
/// item (a lock and often a wake-up) cost the consumer about a sixth of its time in a 100k-row export.
/// </remarks>
public static class ReadAhead
{
    /// <summary>How many items cross the channel at a time.</summary>
    public const int BatchSize = 64;

    /// <summary>
    /// Enumerates <paramref name="source"/> on another thread into a bounded channel, so producing (e.g.
    /// reading a database) and consuming (e.g. writing a file) run at the same time while memory stays
    /// bounded by about <paramref name="capacity"/> items. When the consumer stops early the producer is cancelled.
    /// </summary>
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, int capacity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var channel = NewChannel<T>(capacity);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(source, [channel.Writer], stop.Token), CancellationToken.None);
        try
        {
            await foreach (var item in Items(channel.Reader, cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }

    /// <summary>
    /// Reads <paramref name="source"/> once, on another thread, and hands every item to each consumer,
    /// which run at the same time (e.g. several files written from one database read). Each consumer is at
    /// most about <paramref name="capacity"/> items behind the reading; if any fails, the others are cancelled.
    /// </summary>
    public static async Task ShareAsync<T>(
        IAsyncEnumerable<T> source, int capacity, IReadOnlyList<Func<IAsyncEnumerable<T>, CancellationToken, Task>> consumers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(consumers);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channels = consumers.Select(_ => NewChannel<T>(capacity)).ToList();
        var producer = Task.Run(() => ProduceAsync(source, channels.Select(c => c.Writer).ToList(), stop.Token), CancellationToken.None);
        var consuming = consumers.Select((consume, i) => Task.Run(() => ConsumeAsync(consume, channels[i].Reader, stop), CancellationToken.None)).ToList();
        try
        {
            await Task.WhenAll(consuming);
        }
        catch (OperationCanceledException) when (FirstFailure(consuming) is { } failure)
        {
            // The others were cancelled because of this one: report the cause, not the cancellation.
            ExceptionDispatchInfo.Throw(failure);
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }

    private static Exception? FirstFailure(IEnumerable<Task> tasks) =>
        tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);

    private static async Task ConsumeAsync<T>(Func<IAsyncEnumerable<T>, CancellationToken, Task> consume, ChannelReader<T[]> reader, CancellationTokenSource stop)
    {
        try
        {
            await consume(Items(reader, stop.Token), stop.Token);
            // A consumer that stopped early must not hold the reading up: drop what it left.
            while (await reader.WaitToReadAsync(stop.Token))
            {
                while (reader.TryRead(out _))
                {
                }
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private static Channel<T[]> NewChannel<T>(int capacity) =>
        Channel.CreateBounded<T[]>(new BoundedChannelOptions(Math.Max(1, capacity / BatchSize)) { SingleReader = true, SingleWriter = true });

    private static async IAsyncEnumerable<T> Items<T>(ChannelReader<T[]> reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (reader.TryRead(out var batch))
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }
        }
    }

    private static async Task ProduceAsync<T>(IAsyncEnumerable<T> source, IReadOnlyList<ChannelWriter<T[]>> writers, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var batch = new List<T>(BatchSize);
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                batch.Add(item);
                if (batch.Count == BatchSize)
                {
                    await SendAsync(writers, batch, cancellationToken);
                }
            }

            await SendAsync(writers, batch, cancellationToken);
        }
#pragma warning disable CA1031 // Every failure is handed to the consumers through the channels.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e;
        }

        foreach (var writer in writers)
        {
            writer.TryComplete(failure);
        }
    }

    private static async Task SendAsync<T>(IReadOnlyList<ChannelWriter<T[]>> writers, List<T> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var items = batch.ToArray(); // shared by every consumer: items are only read
        batch.Clear();
        foreach (var writer in writers)
        {
            await writer.WriteAsync(items, cancellationToken);
        }
    }
}
