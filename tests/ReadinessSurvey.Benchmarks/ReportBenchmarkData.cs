using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Benchmarks;

/// <summary>
/// Synthetic rounds for the report benchmarks: the real survey definition and council register, one
/// submitted return per council with an answer to every question, written with raw prepared SQLite
/// inserts in one transaction (EF Core has no batching on SQLite).
/// </summary>
internal sealed class ReportBenchmarkData(string connectionString)
{
    private static readonly DateTime At = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public SurveyDefinition Definition { get; } =
        SurveyDefinitionLoader.LoadFile(Path.Combine(ProjectPaths.Surveys, "ai-readiness-2024-25.json")).Definition
        ?? throw new InvalidOperationException("The survey definition does not load.");

    public ReadinessDbContext Context() => DataServiceCollectionExtensions.CreateContext(DatabaseProvider.Sqlite, connectionString);

    /// <summary>Creates the schema, the register, the definition, a round and <paramref name="returns"/> submitted returns.</summary>
    /// <remarks>More returns than councils in the register adds synthetic councils (codes X00000001...).</remarks>
    public async Task<int> SeedAsync(int returns)
    {
        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
            await new CouncilRegisterImporter(db, new FakeTimeProvider(At)).ImportAsync(CouncilRegister.BundledFile);
            var loaded = SurveyDefinitionLoader.LoadFile(Path.Combine(ProjectPaths.Surveys, "ai-readiness-2024-25.json"));
            var round = new SurveyRound
            {
                Name = "Benchmark round",
                DefinitionVersion = new SurveyDefinitionVersion
                {
                    SurveyId = Definition.Id, Version = Definition.Version, Title = Definition.Title, Content = loaded.RawText,
                    ContentHash = loaded.ContentHash, SourceFile = "ai-readiness-2024-25.json", ImportedAt = At,
                },
                OpensAt = At.AddMonths(-1), ClosesAt = At.AddMonths(1), Status = RoundStatus.Open, CreatedAt = At,
            };
            db.Rounds.Add(round);
            await db.SaveChangesAsync();
            await InsertAsync(round.Id, returns);
            return round.Id;
        }
    }

    /// <summary>
    /// The round of a database kept from an earlier run, migrated to the current schema first (new tables
    /// such as SnapshotCouncils, which reports read); null, after deleting the file, when it cannot be
    /// migrated or does not hold one round of <paramref name="returns"/> submitted returns, each with its
    /// submission record, and a current snapshot, so the caller seeds afresh.
    /// </summary>
    public async Task<int?> ReuseAsync(int returns)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!File.Exists(file))
        {
            return null;
        }

        int? roundId = null;
        await using (var db = Context())
        {
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
                if (pending.Count > 0)
                {
                    Console.WriteLine($"Migrating the kept database {file}: {string.Join(", ", pending)}");
                    await db.Database.MigrateAsync();
                }

                var round = await db.Rounds.AsNoTracking().OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();
                var fits = round is { } id
                           && await db.Returns.CountAsync(r => r.RoundId == id && r.Status == ReturnStatus.Submitted) == returns
                           && await db.AggregateSnapshots.AnyAsync(s => s.RoundId == id && s.IsCurrent)
                           && !await db.Returns.AnyAsync(r => r.RoundId == id && !r.History.Any(e => e.Kind == SubmissionEventKind.Submitted));
                roundId = fits ? round : null;
            }
            catch (SqliteException e)
            {
                Console.WriteLine($"The kept database {file} cannot be used ({e.Message}); seeding afresh.");
            }
        }

        if (roundId is null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var part in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(part);
            }

            Console.WriteLine($"The kept database {file} does not hold {returns:N0} submitted returns; seeding afresh.");
        }

        return roundId;
    }

    /// <summary>Aggregation's question shapes from the definition.</summary>
    public IReadOnlyList<QuestionShape> Shapes() => QuestionShapes.From(Definition);

    /// <summary>A current snapshot with empty aggregates, so an export can run without a long aggregation.</summary>
    public async Task AddEmptySnapshotAsync(int roundId, int returns)
    {
        await using var db = Context();
        var empty = SnapshotJson.Write(new SnapshotContent(roundId, false, 5, [], new ResponseSummary([], []), [], [], [], []));
        db.AggregateSnapshots.Add(new AggregateSnapshot
        {
            RoundId = roundId, ComputedAt = At, IsCurrent = true, InputHash = "benchmark", ReturnCount = returns,
            ContentJson = empty, PublishedJson = empty, SuppressionLogJson = "[]",
        });
        await db.SaveChangesAsync();
    }

    private async Task InsertAsync(int roundId, int returns)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var councilIds = new List<int>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT Id FROM Councils ORDER BY Id";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                councilIds.Add(reader.GetInt32(0));
            }
        }

        string[] types = ["E06", "E07", "E08", "E09", "E10"];
        var council = Command(connection, transaction,
            "INSERT INTO Councils (Code, Name, OfficialName, TypeCode, LaType, TypeName, Tier, Nation, RegionCode, RegionName, ImportedAt) " +
            "VALUES ($code, $name, $name, $type, 'X', $type, 'unitary', 'England', $region, $region, $at)", "$code", "$name", "$type", "$region", "$at");
        var registered = councilIds.Count;
        for (var n = registered; n < returns; n++)
        {
            Set(council, $"X{n:D8}", $"Synthetic council {n}", types[n % types.Length], $"E1200000{1 + (n % 9)}", At);
            await council.ExecuteNonQueryAsync();
        }

        if (returns > registered)
        {
            // Synthetic councils got ids after the register's: read them back in order.
            councilIds.Clear();
            await using var read = connection.CreateCommand();
            read.Transaction = transaction;
            read.CommandText = "SELECT Id FROM Councils ORDER BY Id";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                councilIds.Add(reader.GetInt32(0));
            }
        }

        var ret = Command(connection, transaction,
            "INSERT INTO Returns (Id, RoundId, CouncilId, Status, CreatedAt, UpdatedAt, SubmittedAt, Version, OverallScore, MaturityLevel) " +
            "VALUES ($id, $round, $council, 2, $at, $at, $at, 1, $overall, $level)", "$id", "$round", "$council", "$at", "$overall", "$level");
        var score = Command(connection, transaction,
            "INSERT INTO ReturnScores (ReturnId, DimensionId, Score, Status) VALUES ($return, $dimension, $score, 'scored')", "$return", "$dimension", "$score");
        var answer = Command(connection, transaction,
            "INSERT INTO Answers (Id, ReturnId, QuestionId, ValueJson, Choice, Number, TickCount, Version, UpdatedAt) VALUES ($id, $return, $question, $json, $choice, $number, $ticks, 1, $at)",
            "$id", "$return", "$question", "$json", "$choice", "$number", "$ticks", "$at");
        var selection = Command(connection, transaction,
            "INSERT INTO AnswerSelections (AnswerId, ReturnId, QuestionId, Value) VALUES ($answer, $return, $question, $value)", "$answer", "$return", "$question", "$value");
        // The submission record SubmissionService keeps: the answers as submitted, which the export reads.
        var submitted = Command(connection, transaction,
            "INSERT INTO SubmissionEvents (ReturnId, Kind, At, Actor, AnswersJson) VALUES ($return, 0, $at, 'Synthetic respondent', $json)", "$return", "$at", "$json");

        long answerId = 0;
        var row = new Answer { QuestionId = "", ValueJson = "" };
        foreach (var synthetic in Returns(returns))
        {
            var returnId = synthetic.Index + 1;
            Set(ret, returnId, roundId, councilIds[synthetic.Index], At, synthetic.Overall, synthetic.Level);
            await ret.ExecuteNonQueryAsync();
            Set(score, returnId, ReturnScore.Overall, synthetic.Overall);
            await score.ExecuteNonQueryAsync();
            foreach (var (dimension, value) in synthetic.Scores)
            {
                Set(score, returnId, dimension, value);
                await score.ExecuteNonQueryAsync();
            }

            Set(submitted, returnId, At, new AnswerSet(synthetic.Answers.Select(a => KeyValuePair.Create(a.Question.Id, a.Value))).ToJson());
            await submitted.ExecuteNonQueryAsync();
            foreach (var (q, value) in synthetic.Answers)
            {
                AnswerStorage.Apply(row, q, value);
                answerId++;
                Set(answer, answerId, returnId, q.Id, row.ValueJson, row.Choice, row.Number, row.TickCount, At);
                await answer.ExecuteNonQueryAsync();
                foreach (var s in row.Selections)
                {
                    Set(selection, answerId, returnId, q.Id, s.Value);
                    await selection.ExecuteNonQueryAsync();
                }
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>When every synthetic return was submitted.</summary>
    public static DateTime SubmittedAt => At;

    /// <summary>
    /// The synthetic returns in insertion order, the same on every call (a fixed seed): the export
    /// benchmark's baseline replays them to write the same cells without reading the database.
    /// </summary>
    public IEnumerable<SyntheticReturn> Returns(int count)
    {
        var random = new Random(42);
        var questions = Definition.Questions.Where(q => q.Type != QuestionType.Council).ToList();
        var dimensions = Definition.Scoring.Dimensions.Select(d => d.Id).ToList();
        for (var r = 0; r < count; r++)
        {
            var scores = dimensions.Select(d => (d, Math.Round(random.NextDouble() * 100, 1))).ToList();
            var overall = Math.Round(scores.Average(s => s.Item2), 2);
            var answers = questions.Select(q => (q, RandomAnswer(random, q, r))).ToList();
            yield return new SyntheticReturn(r, scores, overall, Math.Min(5, 1 + (int)(overall / 20)), answers);
        }
    }

    private static AnswerValue RandomAnswer(Random random, Question q, int r)
    {
        var dontKnow = q.DontKnow is not null && random.Next(10) == 0;
        return q.Type switch
        {
            _ when dontKnow => AnswerValue.DontKnowAnswer,
            QuestionType.SingleChoice => AnswerValue.Choice(q.Options[random.Next(q.Options.Count)].Value),
            QuestionType.MultipleChoice => new AnswerValue
            {
                Options = q.Options.Where(o => !o.Exclusive && !o.DontKnow).Where(_ => random.Next(3) == 0).Select(o => o.Value).DefaultIfEmpty(q.Options[0].Value).ToList(),
                Other = q.Other is not null && random.Next(8) == 0 ? $"Other answer {r}" : null,
            },
            QuestionType.Likert => AnswerValue.Of(q.Points[random.Next(q.Points.Count)].Point),
            QuestionType.YesNo => AnswerValue.Of(random.Next(2) == 0),
            QuestionType.Number => AnswerValue.Of(random.Next((int)(q.Min ?? 0), (int)Math.Min(q.Max ?? 1000, 1000))),
            _ => AnswerValue.OfText($"Free text answer from return {r}, with a comma, and \"quotes\"."),
        };
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var p in parameters)
        {
            command.Parameters.Add(new SqliteParameter(p, null));
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}

/// <summary>One synthetic return: its index (return id - 1, and the council's position by id), scores and answers.</summary>
internal sealed record SyntheticReturn(
    int Index, IReadOnlyList<(string Dimension, double Score)> Scores, double Overall, int Level, IReadOnlyList<(Question Question, AnswerValue Value)> Answers);
