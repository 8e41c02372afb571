using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Reads a round's submitted returns with their answers, one <see cref="ExportRow"/> per return, from one
/// ordered query (returns left-joined to answers, by return then question) pivoted row by row
/// (<see cref="ExportRowPivot"/>), so memory holds a bounded number of returns at a time.
/// </summary>
/// <remarks>
/// Note: reading the same rows as EF entities (two AsAsyncEnumerable streams merged) cost about four
/// times the CPU of a <see cref="DbDataReader"/> for 100k returns x 54 answers: EF's per-row
/// materialisation dominated. The SQL is plain ANSI with identifiers quoted by the provider, so it runs on
/// SQLite and SQL Server alike; on SQLite the plan walks IX_Returns_RoundId_Status and
/// IX_Answers_ReturnId_QuestionId without a sort. On a SQLite file the query is stepped through SQLite's
/// own API (<see cref="SqliteAnswerCursor"/>) in chunks of returns on two connections at once
/// (<see cref="SqliteParallelRows"/>); other providers, in-memory SQLite and a context inside a
/// transaction read through the <see cref="DbDataReader"/> (<see cref="DbAnswerCursor"/>).
/// </remarks>
public static class ExportRowReader
{
    public static async IAsyncEnumerable<ExportRow> RowsAsync(
        ReadinessDbContext db, int roundId, SurveyDefinition definition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in RowsAsync(db, roundId, definition, native: true, SqliteParallelRows.ChunkReturns, cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>
    /// The rows; <paramref name="native"/> false reads SQLite through ADO.NET too, and <paramref name="chunkReturns"/>
    /// 0 reads it on one connection (for tests of those paths).
    /// </summary>
    internal static async IAsyncEnumerable<ExportRow> RowsAsync(
        ReadinessDbContext db, int roundId, SurveyDefinition definition, bool native, int chunkReturns, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);

        // Councils are bounded by the register, not by the rows, so they are looked up in memory.
        var councils = await db.Councils.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.Name, c.TypeName, c.RegionName })
            .ToDictionaryAsync(c => c.Id, c => new ExportRowPivot.CouncilNames(c.Code, c.Name, c.TypeName, c.RegionName), cancellationToken);
        var pivot = new ExportRowPivot(definition, councils);

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            // Other connections cannot see this one's uncommitted changes, nor an in-memory database.
            if (native && chunkReturns > 0 && SqliteColumns.IsAvailable && connection is SqliteConnection file
                && db.Database.CurrentTransaction is null && SqliteParallelRows.CanOpenAgain(file))
            {
                await foreach (var row in SqliteParallelRows.ReadAsync(file, IdsSql(db), Sql(db, ranged: true), roundId, definition, councils, chunkReturns, cancellationToken))
                {
                    yield return row;
                }

                yield break;
            }

            using IAnswerCursor cursor = native && SqliteColumns.IsAvailable && connection is SqliteConnection sqlite
                ? new SqliteAnswerCursor(sqlite, Sql(db), roundId, (int)ReturnStatus.Submitted, pivot)
                : await DbAnswerCursor.OpenAsync(db, Sql(db), roundId, pivot, cancellationToken);
            // Note: the cursor steps synchronously: SQLite's reader is synchronous underneath, this runs
            // on the read-ahead thread, and an async step cost more than the step itself per answer row.
            foreach (var row in cursor.Rows(pivot, cancellationToken))
            {
                yield return row;
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// The query, with table and column names from the model. The JSON is selected only where the
    /// counting columns do not already hold the answer (multiple choice and text).
    /// </summary>
    /// <param name="ranged">Adds <c>@from</c> and <c>@to</c>: only returns with ids in that range (see <see cref="SqliteParallelRows"/>).</param>
    internal static string Sql(ReadinessDbContext db, bool ranged = false)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var returns = Table<CouncilReturn>(db, sql);
        var answers = Table<Answer>(db, sql);
        string R(string property) => "r." + returns.Column(property);
        string A(string property) => "a." + answers.Column(property);
        return $"""
            SELECT {R(nameof(CouncilReturn.Id))}, {R(nameof(CouncilReturn.CouncilId))}, {R(nameof(CouncilReturn.SubmittedAt))},
                   {R(nameof(CouncilReturn.OverallScore))}, {R(nameof(CouncilReturn.MaturityLevel))},
                   {A(nameof(Answer.QuestionId))}, {A(nameof(Answer.Choice))}, {A(nameof(Answer.Number))},
                   CASE WHEN {A(nameof(Answer.Choice))} IS NULL AND {A(nameof(Answer.Number))} IS NULL THEN {A(nameof(Answer.ValueJson))} END
            FROM {returns.Name} r
            LEFT JOIN {answers.Name} a ON {A(nameof(Answer.ReturnId))} = {R(nameof(CouncilReturn.Id))}
            WHERE {R(nameof(CouncilReturn.RoundId))} = @round AND {R(nameof(CouncilReturn.Status))} = @submitted
            {(ranged ? $"AND {R(nameof(CouncilReturn.Id))} BETWEEN @from AND @to" : "")}
            ORDER BY {R(nameof(CouncilReturn.Id))}, {A(nameof(Answer.QuestionId))}
            """;
    }

    /// <summary>The ids of the round's submitted returns, in order (the same filter as <see cref="Sql"/>).</summary>
    internal static string IdsSql(ReadinessDbContext db)
    {
        var returns = Table<CouncilReturn>(db, db.GetService<ISqlGenerationHelper>());
        return $"""
            SELECT {returns.Column(nameof(CouncilReturn.Id))} FROM {returns.Name}
            WHERE {returns.Column(nameof(CouncilReturn.RoundId))} = @round AND {returns.Column(nameof(CouncilReturn.Status))} = @submitted
            ORDER BY {returns.Column(nameof(CouncilReturn.Id))}
            """;
    }

    private static StoreTable Table<T>(ReadinessDbContext db, ISqlGenerationHelper sql)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var name = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        return new StoreTable(
            sql.DelimitIdentifier(name, entity.GetSchema()),
            property => sql.DelimitIdentifier(entity.FindProperty(property)?.GetColumnName(store)
                                              ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} has no column.")));
    }

    private sealed record StoreTable(string Name, Func<string, string> Column);
}
