using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>Reads a stream on the thread pool, a bounded number of items ahead of its consumer.</summary>
public static class ReadAhead
{
    /// <summary>
    /// Enumerates <paramref name="source"/> on another thread into a bounded channel, so producing (e.g.
    /// reading a database) and consuming (e.g. writing a file) run at the same time while memory stays
    /// bounded by <paramref name="capacity"/>. When the consumer stops early the producer is cancelled.
    /// </summary>
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, int capacity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(source, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }

    private static async Task ProduceAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T> writer, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(item, cancellationToken);
            }
        }
#pragma warning disable CA1031 // Every failure is handed to the consumer through the channel.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e;
        }

        writer.TryComplete(failure);
    }
}
