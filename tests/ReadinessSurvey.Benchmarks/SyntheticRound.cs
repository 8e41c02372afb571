using System.Globalization;
using Microsoft.Data.Sqlite;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Benchmarks;

/// <summary>
/// Synthetic individual-level data for one round: a council per return (copying the real register's
/// types, regions and tiers in turn), 50 answers each, inserted with prepared statements in one transaction.
/// </summary>
internal static class SyntheticRound
{
    private const string At = "2025-01-06 09:00:00";

    /// <summary>30 single-choice, 5 Likert, 2 yes/no, 8 multiple-choice (about 2 ticks each) and 5 number questions.</summary>
    public static IReadOnlyList<QuestionShape> Questions { get; } =
    [
        .. Enumerable.Range(1, 30).Select(i => new QuestionShape($"S{i:D2}", QuestionKinds.SingleChoice, ["o1", "o2", "o3", "o4", "o5"])),
        .. Enumerable.Range(1, 5).Select(i => new QuestionShape($"L{i:D2}", QuestionKinds.Likert, ["1", "2", "3", "4", "5"])),
        .. Enumerable.Range(1, 2).Select(i => new QuestionShape($"Y{i:D2}", QuestionKinds.YesNo, ["yes", "no"])),
        .. Enumerable.Range(1, 8).Select(i => new QuestionShape($"M{i:D2}", QuestionKinds.Multiple, ["m1", "m2", "m3", "m4", "m5", "m6"])),
        .. Enumerable.Range(1, 5).Select(i => QuestionShape.Number($"N{i:D2}")),
    ];

    private static readonly string[] Dimensions = ["adoption", "strategy", "governance", "data", "technology", "skills"];

    /// <summary>Inserts the councils, returns, answers, ticks and scores; returns how many answer rows were written.</summary>
    public static long Insert(string connectionString, int roundId, int returns, int seed)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        var register = ReadRegister(connection);
        var random = new Random(seed);
        using var transaction = connection.BeginTransaction();

        var council = Prepare(connection, transaction,
            "INSERT INTO Councils (Code, Name, OfficialName, TypeCode, LaType, TypeName, Tier, Nation, RegionCode, RegionName, ImportedAt) " +
            "VALUES ($code, $code, $code, $type, $type, $typeName, $tier, $nation, $region, $regionName, '" + At + "') RETURNING Id",
            "$code", "$type", "$typeName", "$tier", "$nation", "$region", "$regionName");
        var councilReturn = Prepare(connection, transaction,
            "INSERT INTO Returns (RoundId, CouncilId, Status, CreatedAt, UpdatedAt, SubmittedAt, Version, OverallScore, MaturityLevel) " +
            "VALUES ($round, $council, 2, '" + At + "', '" + At + "', '" + At + "', 1, $score, $level) RETURNING Id",
            "$round", "$council", "$score", "$level");
        var answer = Prepare(connection, transaction,
            "INSERT INTO Answers (ReturnId, QuestionId, ValueJson, Choice, Number, TickCount, Version, UpdatedAt) " +
            "VALUES ($return, $question, $json, $choice, $number, $ticks, 1, '" + At + "') RETURNING Id",
            "$return", "$question", "$json", "$choice", "$number", "$ticks");
        var selection = Prepare(connection, transaction,
            "INSERT INTO AnswerSelections (AnswerId, ReturnId, QuestionId, Value) VALUES ($answer, $return, $question, $value)",
            "$answer", "$return", "$question", "$value");
        var score = Prepare(connection, transaction,
            "INSERT INTO ReturnScores (ReturnId, DimensionId, Score, Status) VALUES ($return, $dimension, $score, 'scored')",
            "$return", "$dimension", "$score");

        long answers = 0;
        for (var i = 0; i < returns; i++)
        {
            var real = register[i % register.Count];
            var councilId = Convert.ToInt64(Run(council, $"S{i:D8}", real.Type, real.TypeName, real.Tier, real.Nation, real.Region, real.RegionName), CultureInfo.InvariantCulture);

            // A latent maturity 0-1 drives the overall score, the level and the choices.
            var maturity = random.NextDouble();
            var overall = Math.Round(100 * maturity, 1);
            var returnId = Convert.ToInt64(Run(councilReturn, roundId, councilId, overall, 1 + (int)Math.Min(4, maturity * 5)), CultureInfo.InvariantCulture);
            Run(score, returnId, "overall", overall);
            foreach (var dimension in Dimensions)
            {
                Run(score, returnId, dimension, Math.Round(Math.Clamp(overall + (random.NextDouble() * 30) - 15, 0, 100), 1));
            }

            foreach (var question in Questions)
            {
                answers++;
                switch (question.Kind)
                {
                    case QuestionKinds.Multiple:
                        var ticked = question.Options.Where(_ => random.NextDouble() < 0.35).DefaultIfEmpty(question.Options[0]).ToList();
                        var answerId = Run(answer, returnId, question.Id, AnswerValue.Choice([.. ticked]).ToJson(), DBNull.Value, DBNull.Value, ticked.Count);
                        foreach (var value in ticked)
                        {
                            Run(selection, answerId!, returnId, question.Id, value);
                        }

                        break;
                    case QuestionKinds.Number:
                        var number = Math.Round(maturity * 50 + (random.NextDouble() * 20), 0);
                        Run(answer, returnId, question.Id, number.ToString(CultureInfo.InvariantCulture), DBNull.Value, number, DBNull.Value);
                        break;
                    default:
                        var index = Math.Min(question.Options.Count - 1, (int)(((maturity + random.NextDouble()) / 2) * question.Options.Count));
                        var choice = question.Options[index];
                        Run(answer, returnId, question.Id, "\"" + choice + "\"", choice, DBNull.Value, DBNull.Value);
                        break;
                }
            }
        }

        transaction.Commit();
        Execute(connection, "ANALYZE;");
        foreach (var command in new[] { council, councilReturn, answer, selection, score })
        {
            command.Dispose();
        }

        return answers;
    }

    private static List<(string Type, string TypeName, string Tier, string Nation, string Region, string RegionName)> ReadRegister(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT TypeCode, TypeName, Tier, Nation, RegionCode, RegionName FROM Councils ORDER BY Code";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string, string, string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return rows;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static object? Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
