using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using ReadinessSurvey.Reporting.Models;
using SQLitePCL;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// The export query on SQLite, prepared on the context's connection and stepped through SQLite's own
/// API (<see cref="SqliteColumns"/>), reading text columns as UTF-8 bytes decoded into reused buffers.
/// </summary>
/// <remarks>
/// Note: a large export reads millions of answer rows. Through <see cref="SqliteDataReader"/> each row
/// cost about three times SQLite's own step (a type check and a new string per column, the question
/// id and choice code included); this reads the same values with no string for the question id or
/// choice code and parses JSON straight from its bytes. Values are converted as the ADO.NET reader
/// converts them (<see cref="DbAnswerCursor"/>), and a test checks both paths give the same rows.
/// </remarks>
internal sealed class SqliteAnswerCursor : IAnswerCursor
{
    private static readonly TimeSpan _busyTimeout = TimeSpan.FromSeconds(30);
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _handle; // the statement's pointer, kept alive by a reference held until Dispose
    private bool _referenced;
    private readonly ExportRowPivot _pivot;
    private char[] _questionId = new char[64];
    private char[] _choice = new char[64];
    private bool _started;

    /// <param name="returnIds">For a query with @from and @to (see <see cref="ExportRowReader.Sql"/>): the first and last return id to read.</param>
    public SqliteAnswerCursor(SqliteConnection connection, string sql, int roundId, int submitted, ExportRowPivot pivot, (int From, int To)? returnIds = null)
    {
        _connection = connection;
        _pivot = pivot;
        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out _statement), db);
        try
        {
            Bind("@round", roundId);
            Bind("@submitted", submitted);
            if (returnIds is var (from, to))
            {
                Bind("@from", from);
                Bind("@to", to);
            }

            _statement.DangerousAddRef(ref _referenced);
            _handle = _statement.DangerousGetHandle();
        }
        catch
        {
            _statement.Dispose();
            throw;
        }
    }

    public ExportRow? Finished { get; private set; }

    public bool Next()
    {
        Finished = null;
        if (!Step())
        {
            return false;
        }

        var returnId = checked((int)SqliteColumns.Int64(_handle, 0));
        if (returnId != _pivot.CurrentReturnId)
        {
            Finished = _pivot.Start(
                returnId,
                checked((int)SqliteColumns.Int64(_handle, 1)),
                IsNull(2) ? null : DateTimeAt(2),
                IsNull(3) ? null : SqliteColumns.Double(_handle, 3),
                IsNull(4) ? null : checked((int)SqliteColumns.Int64(_handle, 4)));
        }

        if (IsNull(5))
        {
            return true; // a return without answers
        }

        var questionId = Chars(5, ref _questionId);
        var hasChoice = !IsNull(6);
        var choice = hasChoice ? Chars(6, ref _choice) : default;
        double? number = IsNull(7) ? null : SqliteColumns.Double(_handle, 7);
        if (_pivot.AddFromColumns(questionId, choice, hasChoice, number) is not null)
        {
            _pivot.AddJson(IsNull(8) ? default : Utf8(8), hasChoice ? choice.ToString() : null, number);
        }

        return true;
    }

    /// <summary>
    /// Steps to the next row. Before the first row it waits, as the ADO.NET reader does, while another
    /// connection holds a lock; later a reset would start the rows again, so a lock is an error then.
    /// </summary>
    private bool Step()
    {
        var start = Stopwatch.GetTimestamp(); // Note: not a Stopwatch object: this runs for every row
        while (true)
        {
            var rc = SqliteColumns.Step(_handle);
            switch (rc)
            {
                case raw.SQLITE_ROW:
                    _started = true;
                    return true;
                case raw.SQLITE_DONE:
                    return false;
                case raw.SQLITE_BUSY or raw.SQLITE_LOCKED when !_started && Stopwatch.GetElapsedTime(start) < _busyTimeout:
                    raw.sqlite3_reset(_statement);
                    Thread.Sleep(150);
                    break;
                default:
                    SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
                    throw new InvalidOperationException($"SQLite step failed with code {rc}.");
            }
        }
    }

    private bool IsNull(int column) => SqliteColumns.Type(_handle, column) == raw.SQLITE_NULL;

    /// <summary>A text column's UTF-8 bytes, valid until the next step.</summary>
    private ReadOnlySpan<byte> Utf8(int column) => SqliteColumns.Utf8(_handle, column);

    /// <summary>A text column decoded into a reused buffer, valid until the buffer is next used.</summary>
    private ReadOnlySpan<char> Chars(int column, ref char[] buffer)
    {
        var bytes = Utf8(column);
        if (buffer.Length < bytes.Length)
        {
            buffer = new char[bytes.Length]; // UTF-8 never needs more chars than bytes
        }

        return buffer.AsSpan(0, Encoding.UTF8.GetChars(bytes, buffer));
    }

    /// <summary>A date as the ADO.NET reader reads it: text in invariant format, or a Julian day number.</summary>
    private DateTime DateTimeAt(int column) =>
        SqliteColumns.Type(_handle, column) is raw.SQLITE_INTEGER or raw.SQLITE_FLOAT
            ? DateTime.FromOADate(SqliteColumns.Double(_handle, column) - 2415018.5)
            : DateTime.Parse(Encoding.UTF8.GetString(Utf8(column)), CultureInfo.InvariantCulture);

    private void Bind(string name, int value)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        if (index == 0)
        {
            throw new InvalidOperationException($"The export query has no parameter {name}.");
        }

        SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int(_statement, index, value), _connection.Handle);
    }

    public void Dispose()
    {
        if (_referenced)
        {
            _statement.DangerousRelease();
        }

        _statement.Dispose();
    }
}
