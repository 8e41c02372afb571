using System.Globalization;

namespace ReadinessSurvey.Performance;

/// <summary>The command line: scenarios by name (or <c>all</c>) and the workload's size.</summary>
internal sealed record RunOptions(IReadOnlyList<string> Scenarios, string? Folder, int Rounds, int Repeat, int Contributors, int Rate, int Seconds)
{
    /// <summary>Every scenario, in the order <c>all</c> runs them: one round first, then the ten-round database.</summary>
    public static readonly string[] All = ["aggregate", "sector", "councils", "export", "cli", "health", "dashboard", "deadline"];

    public const string Usage = """
        Usage: dotnet run -c Release --project tests/ReadinessSurvey.Performance -- <all | scenario...> [options]
        Scenarios: aggregate, sector, councils, export (one full round of 339 returns),
                   cli (round list), health (/health after a cold start), dashboard (every dashboard page),
                   deadline (saves over HTTP at a fixed rate).
        Options:   --folder DIR        keep the seeded database in DIR and reuse it next time (default: a temporary folder, deleted)
                   --rounds N          rounds in the database for cli, health and dashboard (default 10)
                   --repeat N          measured runs after the first (default 3)
                   --contributors N    deadline day's contributors (default 1000)
                   --rate N            deadline saves per second (default 100)
                   --seconds N         how long the deadline load lasts (default 60)
        """;

    public static RunOptions? Parse(string[] args)
    {
        var scenarios = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length)
                {
                    return null;
                }

                values[args[i]] = args[++i];
            }
            else if (args[i] == "all")
            {
                scenarios.AddRange(All);
            }
            else if (All.Contains(args[i]))
            {
                scenarios.Add(args[i]);
            }
            else
            {
                Console.Error.WriteLine($"Unknown scenario '{args[i]}'.");
                return null;
            }
        }

        if (scenarios.Count == 0 || values.Keys.Except(["--folder", "--rounds", "--repeat", "--contributors", "--rate", "--seconds"]).Any())
        {
            return null;
        }

        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

        return new RunOptions(
            scenarios.Distinct().ToList(), values.GetValueOrDefault("--folder"), Number("--rounds", 10), Number("--repeat", 3),
            Number("--contributors", 1000), Number("--rate", 100), Number("--seconds", 60));
    }
}
