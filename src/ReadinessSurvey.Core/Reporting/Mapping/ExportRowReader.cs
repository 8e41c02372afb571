using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
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
/// ordered query (returns left-joined to answers, by return then question) read through a
/// <see cref="DbDataReader"/> and pivoted row by row, so memory holds one return at a time.
/// </summary>
/// <remarks>
/// Note: reading the same rows as EF entities (two AsAsyncEnumerable streams merged) cost about four
/// times the CPU of this reader for 100k returns x 54 answers: EF's per-row materialisation and change
/// tracking set-up dominated. The SQL is plain ANSI with identifiers quoted by the provider, so it runs on
/// SQLite and SQL Server alike; on SQLite the plan walks IX_Returns_RoundId_Status and
/// IX_Answers_ReturnId_QuestionId without a sort.
/// </remarks>
public static class ExportRowReader
{
    public static async IAsyncEnumerable<ExportRow> RowsAsync(
        ReadinessDbContext db, int roundId, SurveyDefinition definition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);

        // Councils are bounded by the register, not by the rows, so they are looked up in memory.
        var councils = await db.Councils.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.Name, c.TypeName, c.RegionName })
            .ToDictionaryAsync(c => c.Id, cancellationToken);

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql(db);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            AddParameter(command, "@round", roundId);
            AddParameter(command, "@submitted", (int)ReturnStatus.Submitted);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);

            // Note: choice answers are shared immutable instances, one per (question, code): most cells of
            // a large export are choices, and this saves an allocation and a parse for each.
            var choices = new Dictionary<(string, string), ExportAnswer>();
            var current = -1;
            ExportRow? row = null;
            Dictionary<string, ExportAnswer>? values = null;
            // Note: Read, not ReadAsync: SQLite's reader is synchronous underneath, this runs on the
            // read-ahead thread, and the async wrapper cost more than the step itself per answer row.
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Columns are read in order (SequentialAccess): the return's, then the answer's.
                var returnId = reader.GetInt32(0);
                if (returnId != current)
                {
                    if (row is not null)
                    {
                        yield return row;
                    }

                    current = returnId;
                    var council = councils.GetValueOrDefault(reader.GetInt32(1));
                    values = new Dictionary<string, ExportAnswer>(StringComparer.Ordinal);
                    row = new ExportRow
                    {
                        CouncilCode = council?.Code ?? "",
                        CouncilName = council?.Name ?? "",
                        CouncilType = council?.TypeName ?? "",
                        Region = council?.RegionName ?? "",
                        Status = "Submitted",
                        SubmittedAt = reader.IsDBNull(2) ? null : DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
                        Overall = reader.IsDBNull(3) ? null : SectorReportMapper.ToDecimal(reader.GetDouble(3)),
                        Level = reader.IsDBNull(4) ? null : reader.GetInt32(4),
                        Answers = values,
                    };
                }

                if (reader.IsDBNull(5) || definition.FindQuestion(reader.GetString(5)) is not { } question)
                {
                    continue; // a return without answers, or an answer to a question no longer asked
                }

                var choice = reader.IsDBNull(6) ? null : reader.GetString(6);
                double? number = reader.IsDBNull(7) ? null : reader.GetDouble(7);
                var json = reader.IsDBNull(8) ? null : reader.GetString(8);
                values![question.Id] = choice is not null && question.Type != QuestionType.MultipleChoice
                    ? ChoiceAnswer(choices, question.Id, choice)
                    : AnswerOf(question, StoredAnswers.Parse(question, json, choice, number));
            }

            if (row is not null)
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
    internal static string Sql(ReadinessDbContext db)
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
            ORDER BY {R(nameof(CouncilReturn.Id))}, {A(nameof(Answer.QuestionId))}
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

    private static void AddParameter(DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static ExportAnswer ChoiceAnswer(Dictionary<(string, string), ExportAnswer> cache, string questionId, string code)
    {
        if (!cache.TryGetValue((questionId, code), out var answer))
        {
            answer = new ExportAnswer([code]);
            cache[(questionId, code)] = answer;
        }

        return answer;
    }

    private static ExportAnswer AnswerOf(Question question, AnswerValue value) => question.Type switch
    {
        QuestionType.Number => new ExportAnswer([], value.Number),
        QuestionType.Text or QuestionType.LongText => new ExportAnswer([], null, value.Text),
        QuestionType.MultipleChoice => new ExportAnswer(value.Options ?? [], null, null, value.Other),
        _ => new ExportAnswer(StoredAnswers.CodesOf(question, value)),
    };
}
