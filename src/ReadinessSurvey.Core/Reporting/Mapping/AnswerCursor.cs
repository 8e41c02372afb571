using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>Steps through the export query's rows (see <see cref="ExportRowReader.Sql"/>), feeding each to an <see cref="ExportRowPivot"/>.</summary>
internal interface IAnswerCursor : IDisposable
{
    /// <summary>Reads the next row into the pivot; false when there are no more.</summary>
    bool Next();

    /// <summary>The return the last row finished by starting another, else null.</summary>
    ExportRow? Finished { get; }
}

/// <summary>Drains a cursor into export rows.</summary>
internal static class AnswerCursorRows
{
    /// <summary>Every return the cursor's rows make, in order, the last one included.</summary>
    public static IEnumerable<ExportRow> Rows(this IAnswerCursor cursor, ExportRowPivot pivot, CancellationToken cancellationToken)
    {
        while (cursor.Next())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (cursor.Finished is { } row)
            {
                yield return row;
            }
        }

        if (pivot.Finish() is { } last)
        {
            yield return last;
        }
    }
}

/// <summary>The export query through ADO.NET: any provider (SQL Server), and SQLite when asked.</summary>
internal sealed class DbAnswerCursor : IAnswerCursor
{
    private readonly DbCommand _command;
    private readonly DbDataReader _reader;
    private readonly ExportRowPivot _pivot;

    private DbAnswerCursor(DbCommand command, DbDataReader reader, ExportRowPivot pivot)
    {
        _command = command;
        _reader = reader;
        _pivot = pivot;
    }

    public ExportRow? Finished { get; private set; }

    public static async Task<DbAnswerCursor> OpenAsync(ReadinessDbContext db, string sql, int roundId, ExportRowPivot pivot, CancellationToken cancellationToken)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        try
        {
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            AddParameter(command, "@round", roundId);
            AddParameter(command, "@submitted", (int)ReturnStatus.Submitted);
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            return new DbAnswerCursor(command, reader, pivot);
        }
        catch
        {
            await command.DisposeAsync();
            throw;
        }
    }

    public bool Next()
    {
        Finished = null;
        // Columns are read in order (SequentialAccess): the return's, then the answer's.
        if (!_reader.Read())
        {
            return false;
        }

        var returnId = _reader.GetInt32(0);
        if (returnId != _pivot.CurrentReturnId)
        {
            Finished = _pivot.Start(
                returnId,
                _reader.GetInt32(1),
                _reader.IsDBNull(2) ? null : _reader.GetDateTime(2),
                _reader.IsDBNull(3) ? null : _reader.GetDouble(3),
                _reader.IsDBNull(4) ? null : _reader.GetInt32(4));
        }

        if (_reader.IsDBNull(5))
        {
            return true; // a return without answers
        }

        var questionId = _reader.GetString(5);
        var choice = _reader.IsDBNull(6) ? null : _reader.GetString(6);
        double? number = _reader.IsDBNull(7) ? null : _reader.GetDouble(7);
        if (_pivot.AddFromColumns(questionId, choice, choice is not null, number) is { } question)
        {
            var json = _reader.IsDBNull(8) ? null : _reader.GetString(8);
            _pivot.Add(question, StoredAnswers.Parse(question, json, choice, number));
        }

        return true;
    }

    private static void AddParameter(DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _command.Dispose();
    }
}
