using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ReadinessSurvey.Aggregation.Statistics;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

// The SQL here is built from constants, our own table and column names and generated placeholders
// (@p0, @p1, ...); every value (round, status, group keys, question ids) is passed as a parameter.

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// The big counts of a run (choices, multiple-choice bases, ticks, numbers, dimension scores), counted in
/// the database per group of every breakdown in one pass each. A temporary table maps each submitted
/// return to the index of its type, region and tier and its maturity level; each query walks a covering
/// index in (question, value, return) order, looks the return up in that table by its key, and counts the
/// rows of each group with one conditional COUNT per group, grouped by (question, value).
/// </summary>
/// <remarks>
/// Why this shape (measured on SQLite, 100,000 returns x 50 answers; see the Aggregation README): SQLite
/// groups by sorting, and sorting the ~5 million answer rows was most of a run, both for the old
/// finest-cell GROUP BY (maturity, type, region, tier, question, value) and for the hand-written GROUP BY
/// (question, value) the benchmark compares with. Grouping by (question, value) in the order of an index
/// needs no sort; the breakdowns then have to be columns, and <c>COUNT(*) FILTER (WHERE ...)</c> only
/// calls the aggregate for matching rows (24 <c>SUM(CASE ...)</c> columns cost more than the sort saved).
/// The temporary table's integer key makes the per-row lookup cheap (joining Returns and Councils per
/// answer, or a materialised CTE, cost about as much as the sort). The column lists are built from the
/// register's groups, so the queries are SQL text run on EF Core's connection inside the run's transaction
/// (on a SQLite file some run on a second connection at the same time, see <see cref="CreateOnSecondConnectionAsync"/>);
/// SQL Server gets <c>COUNT(CASE WHEN ...)</c> and a #temporary table, the same statistics.
/// </remarks>
internal sealed class BreakdownCounts : IAsyncDisposable
{
    private const string SqliteTable = "temp.\"AggregationCells\"";
    private const string SqlServerTable = "#AggregationCells";

    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly int? _timeout;
    private readonly bool _ownsConnection;
    private readonly bool _sqlite;
    private readonly string _table;
    private readonly List<(string Breakdown, string Group, string Column, int Index)> _groups = [];

    private BreakdownCounts(
        DbConnection connection, DbTransaction? transaction, int? timeout, bool ownsConnection, bool sqlite, IReadOnlyList<GroupInfo> registerGroups)
    {
        (_connection, _transaction, _timeout, _ownsConnection, _sqlite) = (connection, transaction, timeout, ownsConnection, sqlite);
        _table = _sqlite ? SqliteTable : SqlServerTable;
        foreach (var (breakdown, column) in new[] { (Breakdowns.Type, "T"), (Breakdowns.Region, "R"), (Breakdowns.Tier, "Ti") })
        {
            var keys = registerGroups.Where(g => g.Breakdown == breakdown).Select(g => g.Key).Distinct().Order(StringComparer.Ordinal).ToList();
            _groups.AddRange(keys.Select((key, index) => (breakdown, key, column, index)));
        }

        _groups.AddRange(Enumerable.Range(1, MaturityLevels.Count)
            .Select(level => (Breakdowns.Maturity, level.ToString(CultureInfo.InvariantCulture), "M", level)));
    }

    /// <summary>The counter without touching the database, to look at its SQL (tests).</summary>
    internal static BreakdownCounts ForSql(ReadinessDbContext db, IReadOnlyList<GroupInfo> registerGroups) =>
        new(db.Database.GetDbConnection(), null, null, ownsConnection: false, db.Database.IsSqlite(), registerGroups);

    /// <summary>
    /// Fills the temporary table of the round's submitted returns on the context's connection; the caller
    /// must be inside a transaction (the table lives on its connection) and dispose the result, which drops the table.
    /// </summary>
    public static Task<BreakdownCounts> CreateAsync(
        ReadinessDbContext db, int roundId, IReadOnlyList<GroupInfo> registerGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Breakdown counts run inside the aggregation's transaction.");
        var counts = new BreakdownCounts(
            db.Database.GetDbConnection(), transaction, db.Database.GetCommandTimeout(), ownsConnection: false, db.Database.IsSqlite(), registerGroups);
        return counts.FillAsync(roundId, cancellationToken);
    }

    /// <summary>
    /// On a SQLite file, a second counter on a connection of its own, in a read transaction, so a run can
    /// count on both cores; null on SQL Server (which runs one query on several cores itself) and on an
    /// in-memory SQLite database (which another connection cannot see).
    /// </summary>
    /// <remarks>
    /// It sees exactly what the run sees: the run's transaction began with BEGIN IMMEDIATE and has written
    /// nothing to the database yet, so no one else can commit while both read the last committed state.
    /// </remarks>
    public static async Task<BreakdownCounts?> CreateOnSecondConnectionAsync(
        ReadinessDbContext db, int roundId, IReadOnlyList<GroupInfo> registerGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite() || db.Database.GetConnectionString() is not { } connectionString
            || DataServiceCollectionExtensions.SqliteFile(connectionString) is null)
        {
            return null;
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Deferred: a read transaction (BEGIN IMMEDIATE would wait for the run's own write lock).
            var transaction = connection.BeginTransaction(deferred: true);
            var counts = new BreakdownCounts(connection, transaction, db.Database.GetCommandTimeout(), ownsConnection: true, sqlite: true, registerGroups);
            return await counts.FillAsync(roundId, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<BreakdownCounts> FillAsync(int roundId, CancellationToken cancellationToken)
    {
        await DropAsync(cancellationToken);
        var create = _sqlite
            ? "CREATE TEMP TABLE \"AggregationCells\" (\"ReturnId\" INTEGER PRIMARY KEY, \"T\" INTEGER, \"R\" INTEGER, \"Ti\" INTEGER, \"M\" INTEGER)"
            : $"CREATE TABLE {SqlServerTable} (\"ReturnId\" int NOT NULL PRIMARY KEY, \"T\" int, \"R\" int, \"Ti\" int, \"M\" int)";
        await ExecuteAsync(create, [], cancellationToken);

        var parameters = new List<object> { roundId, (int)ReturnStatus.Submitted };
        var index = new StringBuilder();
        foreach (var (column, source) in new[] { ("T", "TypeCode"), ("R", "RegionCode"), ("Ti", "Tier") })
        {
            index.Append(" CASE c.\"").Append(source).Append('"');
            foreach (var group in _groups.Where(g => g.Column == column))
            {
                index.Append(CultureInfo.InvariantCulture, $" WHEN @p{parameters.Count} THEN {group.Index}");
                parameters.Add(group.Group);
            }

            // A register with no groups in a breakdown would leave CASE without WHEN.
            index.Append(" WHEN NULL THEN NULL END,");
        }

        await ExecuteAsync(
            $"INSERT INTO {_table} (\"ReturnId\", \"T\", \"R\", \"Ti\", \"M\") SELECT r.\"Id\",{index} r.\"MaturityLevel\" " +
            "FROM \"Returns\" AS r INNER JOIN \"Councils\" AS c ON c.\"Id\" = r.\"CouncilId\" WHERE r.\"RoundId\" = @p0 AND r.\"Status\" = @p1",
            parameters,
            cancellationToken);
        return this;
    }

    /// <summary>Councils choosing each option of the single-choice, yes/no and Likert questions.</summary>
    public async Task<List<BreakdownCount>> ChoicesAsync(IReadOnlyCollection<string> questionIds, CancellationToken cancellationToken) =>
        (await ReadAsync(
            "a.\"QuestionId\", a.\"Choice\"",
            "\"Answers\" AS a",
            "a.\"ReturnId\"",
            "a.\"Choice\" IS NOT NULL AND a.\"QuestionId\" IN ({0})",
            questionIds,
            distinct: false,
            reader => (reader.GetString(0), (object?)reader.GetString(1)),
            checkDistinct: false,
            cancellationToken)).Rows;

    /// <summary>
    /// Councils answering each multiple-choice question (the base of its percentages): those with at least
    /// one option ticked, so an answer ticked and then cleared is not an answer. Read from the covering
    /// index's tick counts, not the answers' JSON.
    /// </summary>
    public async Task<List<BreakdownCount>> AnsweredAsync(IReadOnlyCollection<string> questionIds, CancellationToken cancellationToken) =>
        (await ReadAsync(
            "a.\"QuestionId\"",
            "\"Answers\" AS a",
            "a.\"ReturnId\"",
            "a.\"QuestionId\" IN ({0}) AND a.\"TickCount\" > 0",
            questionIds,
            distinct: false,
            reader => (reader.GetString(0), null),
            checkDistinct: false,
            cancellationToken)).Rows;

    /// <summary>
    /// Councils ticking each option of the multiple-choice questions. A council counts once per option
    /// even if its tick were stored twice: the plain counts are used when every (question, option) has as
    /// many distinct returns as rows, which is always so in practice, else the counts are made again distinct.
    /// </summary>
    public async Task<List<BreakdownCount>> TicksAsync(IReadOnlyCollection<string> questionIds, CancellationToken cancellationToken)
    {
        var plain = await Ticks(distinct: false, checkDistinct: true);
        return plain.Duplicates ? (await Ticks(distinct: true, checkDistinct: false)).Rows : plain.Rows;

        Task<(List<BreakdownCount> Rows, bool Duplicates)> Ticks(bool distinct, bool checkDistinct) => ReadAsync(
            "s.\"QuestionId\", s.\"Value\"",
            "\"AnswerSelections\" AS s",
            "s.\"ReturnId\"",
            "s.\"QuestionId\" IN ({0})",
            questionIds,
            distinct,
            reader => (reader.GetString(0), (object?)reader.GetString(1)),
            checkDistinct,
            cancellationToken);
    }

    /// <summary>How many councils gave each value to each number question.</summary>
    public async Task<List<BreakdownCount>> NumbersAsync(IReadOnlyCollection<string> questionIds, CancellationToken cancellationToken) =>
        // Grouped by the choice too (null on number answers) so the rows come in index order, unsorted.
        Merge((await ReadAsync(
            "a.\"QuestionId\", a.\"Choice\", a.\"Number\"",
            "\"Answers\" AS a",
            "a.\"ReturnId\"",
            "a.\"Number\" IS NOT NULL AND a.\"QuestionId\" IN ({0})",
            questionIds,
            distinct: false,
            reader => (reader.GetString(0), (object?)reader.GetDouble(2)),
            checkDistinct: false,
            cancellationToken)).Rows);

    /// <summary>
    /// How many councils have each score (null: insufficient data or dropped) on each dimension; not the
    /// overall score, which is on the return.
    /// </summary>
    public async Task<List<BreakdownCount>> ScoresAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(
            "s.\"DimensionId\", s.\"Score\"",
            "\"ReturnScores\" AS s",
            "s.\"ReturnId\"",
            "s.\"DimensionId\" <> {0}",
            [ReturnScore.Overall],
            distinct: false,
            reader => (reader.GetString(0), reader.IsDBNull(1) ? null : (object?)reader.GetDouble(1)),
            checkDistinct: false,
            cancellationToken)).Rows;

    /// <summary>Drops the temporary table (also dropped with the connection, or by a rollback).</summary>
    public Task DropAsync(CancellationToken cancellationToken) =>
        ExecuteAsync($"DROP TABLE IF EXISTS {_table}", [], cancellationToken);

    /// <summary>Drops the table, or closes the second connection (ending its read transaction) with it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection)
        {
            await _connection.DisposeAsync();
            return;
        }

        await DropAsync(CancellationToken.None);
    }

    /// <summary>The SQL of one count query, for tests and EXPLAIN.</summary>
    internal string Sql(string keys, string source, string returnId, string where, int parameters, bool distinct, bool checkDistinct = false)
    {
        var sql = new StringBuilder("SELECT ").Append(keys).Append(", COUNT(").Append(distinct ? "DISTINCT " + returnId : "*").Append(')');
        if (checkDistinct)
        {
            sql.Append(", COUNT(DISTINCT ").Append(returnId).Append(')');
        }

        foreach (var group in _groups)
        {
            var condition = $"x.\"{group.Column}\" = {group.Index}";
            var counted = distinct ? returnId : "1";
            sql.Append(", ").Append(_sqlite
                ? $"COUNT({(distinct ? "DISTINCT " + returnId : "*")}) FILTER (WHERE {condition})"
                : $"COUNT({(distinct ? "DISTINCT " : "")}CASE WHEN {condition} THEN {counted} END)");
        }

        var list = string.Join(", ", Enumerable.Range(0, parameters).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture)));
        // CROSS JOIN keeps SQLite from reordering the loops: the answers' index outside, the table inside.
        sql.Append(" FROM ").Append(source).Append(" CROSS JOIN ").Append(_table).Append(" AS x WHERE x.\"ReturnId\" = ").Append(returnId)
            .Append(" AND ").Append(where.Replace("{0}", list, StringComparison.Ordinal))
            .Append(" GROUP BY ").Append(keys);
        return sql.ToString();
    }

    private async Task ExecuteAsync(string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(string sql, IReadOnlyList<object> parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandTimeout = _timeout ?? command.CommandTimeout;
        command.CommandText = sql;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static List<BreakdownCount> Merge(List<BreakdownCount> rows) =>
        [.. rows.GroupBy(r => (r.Id, r.Value, r.Number, r.Breakdown, r.Group))
            .Select(g => g.First() with { Count = g.Sum(r => r.Count) })];

    private async Task<(List<BreakdownCount> Rows, bool Duplicates)> ReadAsync(
        string keys, string source, string returnId, string where, IReadOnlyCollection<string> values, bool distinct,
        Func<DbDataReader, (string Id, object? Value)> key, bool checkDistinct, CancellationToken cancellationToken)
    {
        var rows = new List<BreakdownCount>();
        if (values.Count == 0)
        {
            return (rows, false);
        }

        await using var command = Command(Sql(keys, source, returnId, where, values.Count, distinct, checkDistinct), [.. values]);

        var first = keys.Count(c => c == ',') + 1;
        var duplicates = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (id, value) = key(reader);
            var text = value as string;
            var number = value as double?;
            var total = Convert.ToInt32(reader.GetValue(first), CultureInfo.InvariantCulture);
            var next = first + 1;
            if (checkDistinct)
            {
                duplicates |= Convert.ToInt32(reader.GetValue(next++), CultureInfo.InvariantCulture) != total;
            }

            rows.Add(new BreakdownCount(id, text, number, Breakdowns.Sector, Breakdowns.AllGroup, total));
            foreach (var group in _groups)
            {
                var count = Convert.ToInt32(reader.GetValue(next++), CultureInfo.InvariantCulture);
                if (count > 0)
                {
                    rows.Add(new BreakdownCount(id, text, number, group.Breakdown, group.Group, count));
                }
            }
        }

        return (rows, duplicates);
    }
}

/// <summary>
/// How many councils in one group of a breakdown gave a value to a question or dimension: Value for
/// choices and ticks (null on the base rows of a multiple-choice question), Number for numbers and scores
/// (null: no score).
/// </summary>
public sealed record BreakdownCount(string Id, string? Value, double? Number, string Breakdown, string Group, int Count);
