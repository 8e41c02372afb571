using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ReadinessSurvey.Benchmarks;

/// <summary>
/// Runs the statements of a SQL file (separated by lines holding only ";") against a kept benchmark
/// database with the SQLite the application ships (often newer than /usr/bin/sqlite3, and planning
/// differently), printing each query plan, its time and its row count: for trying query shapes by hand.
///   explain --db &lt;file&gt; &lt;statements.sql&gt;
/// </summary>
internal static class ExplainCommand
{
    public static int Run(string[] args)
    {
        var db = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault();
        var file = args.LastOrDefault();
        if (db is null || file is null || !File.Exists(db) || !File.Exists(file))
        {
            Console.Error.WriteLine("Usage: explain --db <database file> <statements.sql>");
            return 2;
        }

        using var connection = new SqliteConnection($"Data Source={Path.GetFullPath(db)}");
        connection.Open();
        Console.WriteLine($"SQLite {connection.ServerVersion}; loadavg {File.ReadAllText("/proc/loadavg").Trim()}");
        var statements = File.ReadAllText(file).Split("\n;\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var sql in statements)
        {
            Console.WriteLine("-- " + sql.ReplaceLineEndings(" ")[..Math.Min(160, sql.Length)]);
            if (sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
            {
                using var plan = new SqliteCommand("EXPLAIN QUERY PLAN " + sql, connection);
                using var reader = plan.ExecuteReader();
                while (reader.Read())
                {
                    Console.WriteLine($"   plan: {reader.GetInt32(0)}<{reader.GetInt32(1)} {reader.GetString(3)}");
                }
            }

            var watch = Stopwatch.StartNew();
            using var command = new SqliteCommand(sql, connection);
            using (var reader = command.ExecuteReader())
            {
                var rows = 0;
                while (reader.Read())
                {
                    rows++;
                }

                Console.WriteLine($"   {watch.Elapsed.TotalMilliseconds:F0} ms, {rows} rows");
            }
        }

        return 0;
    }
}
