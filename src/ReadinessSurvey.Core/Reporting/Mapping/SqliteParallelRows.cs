using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Reads the export's rows from a SQLite file on two connections at once: the returns are cut into
/// chunks of consecutive ids, each connection reads every other chunk, and the chunks are handed on in
/// order, so the caller sees the same rows in the same order as from one query.
/// </summary>
/// <remarks>
/// Note: reading and pivoting 5.4 million answer rows is the export's largest cost, and it is
/// single-threaded within a query; with the file's writer on another thread it kept the writer waiting.
/// Each connection reads inside one read transaction (its own snapshot, taken as it starts), and is
/// at most two chunks ahead of the caller, so memory stays flat.
/// </remarks>
internal static class SqliteParallelRows
{
    /// <summary>How many returns a chunk holds.</summary>
    public const int ChunkReturns = 250;
    private const int Readers = 2;

    /// <summary>True when a second connection would see the same database (a file, not an in-memory one).</summary>
    public static bool CanOpenAgain(SqliteConnection connection)
    {
        var settings = new SqliteConnectionStringBuilder(connection.ConnectionString);
        return settings.Mode != SqliteOpenMode.Memory && settings.DataSource is not ("" or ":memory:");
    }

    public static async IAsyncEnumerable<ExportRow> ReadAsync(
        SqliteConnection connection, string idsSql, string rangedSql, int roundId, SurveyDefinition definition,
        IReadOnlyDictionary<int, ExportRowPivot.CouncilNames> councils, int chunkReturns,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunks = await ChunksAsync(connection, idsSql, roundId, chunkReturns, cancellationToken);
        var channels = Enumerable.Range(0, Readers).Select(_ => Channel.CreateBounded<ExportRow[]>(1)).ToArray();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = Enumerable.Range(0, Readers)
            .Select(r => Task.Run(() => ReadChunksAsync(connection.ConnectionString, rangedSql, roundId, definition, councils, chunks, r, channels[r].Writer, stop.Token), CancellationToken.None))
            .ToArray();
        try
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                foreach (var row in await NextChunkAsync(channels[i % Readers].Reader, cancellationToken))
                {
                    yield return row;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(readers);
        }
    }

    /// <summary>The submitted returns' ids (from <paramref name="idsSql"/>) cut into (first, last) ranges of <paramref name="chunkReturns"/>.</summary>
    private static async Task<List<(int From, int To)>> ChunksAsync(SqliteConnection connection, string idsSql, int roundId, int chunkReturns, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = idsSql;
            command.Parameters.AddWithValue("@round", roundId);
            command.Parameters.AddWithValue("@submitted", (int)ReturnStatus.Submitted);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        var chunks = new List<(int From, int To)>();
        for (var first = 0; first < ids.Count; first += chunkReturns)
        {
            chunks.Add((ids[first], ids[Math.Min(first + chunkReturns, ids.Count) - 1]));
        }

        return chunks;
    }

    /// <summary>The next chunk from a reader; a reader's failure is rethrown as itself, not as the channel's.</summary>
    private static async Task<ExportRow[]> NextChunkAsync(ChannelReader<ExportRow[]> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException e) when (e.InnerException is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
            throw;
        }
    }

    private static async Task ReadChunksAsync(
        string connectionString, string rangedSql, int roundId, SurveyDefinition definition, IReadOnlyDictionary<int, ExportRowPivot.CouncilNames> councils,
        List<(int From, int To)> chunks, int reader, ChannelWriter<ExportRow[]> output, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            // Deferred: a read transaction (a snapshot), not the write lock an immediate one would take.
            await using var snapshot = connection.BeginTransaction(deferred: true);
            var pivot = new ExportRowPivot(definition, councils);
            for (var i = reader; i < chunks.Count; i += Readers)
            {
                ExportRow[] rows;
                using (var cursor = new SqliteAnswerCursor(connection, rangedSql, roundId, (int)ReturnStatus.Submitted, pivot, chunks[i]))
                {
                    rows = [.. cursor.Rows(pivot, cancellationToken)];
                }

                await output.WriteAsync(rows, cancellationToken);
            }
        }
#pragma warning disable CA1031 // Every failure is handed to the caller through the channel.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e;
        }

        output.TryComplete(failure);
    }
}
