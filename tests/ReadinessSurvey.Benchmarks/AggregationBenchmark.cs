using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;
using ReadinessSurvey.Demo;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Benchmarks;

/// <summary>
/// The issue's aggregation benchmark on SQLite: (1) a full round of every registered council (demo returns
/// through the real code paths) aggregated by <see cref="RoundAggregator"/>; (2) synthetic individual-level
/// data, N returns x 50 answers, aggregated by <see cref="AggregationRunner"/>, timed against a hand-written
/// GROUP BY count over the same answers in the same process, with the run's peak memory.
/// Targets: full round under 1 s; synthetic run within 2x of the GROUP BY; peak working set under 500 MB.
/// </summary>
internal static class AggregationBenchmark
{
    private const string ChoiceCountSql =
        "SELECT a.QuestionId, a.Choice, COUNT(*) FROM Answers a JOIN Returns r ON r.Id = a.ReturnId " +
        "WHERE r.RoundId = $round AND r.Status = 2 AND a.Choice IS NOT NULL GROUP BY a.QuestionId, a.Choice";

    private const string SelectionCountSql =
        "SELECT s.QuestionId, s.Value, COUNT(*) FROM AnswerSelections s JOIN Returns r ON r.Id = s.ReturnId " +
        "WHERE r.RoundId = $round AND r.Status = 2 GROUP BY s.QuestionId, s.Value";

    public static async Task<int> MainAsync(string[] args, TextWriter output)
    {
        if (args is not ["aggregate", ..])
        {
            await output.WriteLineAsync("Usage: aggregate [--returns 100000] [--seed 1] [--skip-full-round] [--db <file>]");
            return 2;
        }

        var returns = Option(args, "--returns", 100_000);
        var seed = Option(args, "--seed", 1);
        var keep = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault();
        var folder = Path.Combine(Path.GetTempPath(), "readiness-benchmark", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await output.WriteLineAsync($"SQLite database: {keep ?? folder}; .NET {Environment.Version}; {Environment.ProcessorCount} cores; GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}; loadavg {LoadAverage()}");
            if (!args.Contains("--skip-full-round"))
            {
                // Its own database, so the register is the real one whether or not the synthetic round is kept.
                await using var full = await StartAsync($"Data Source={Path.Combine(folder, "full.db")}");
                await FullRoundAsync(full, seed, output);
            }

            // --db keeps the seeded synthetic round for the next run (seeding 100k returns takes minutes);
            // on reuse the initializer applies any pending migrations and the round is found by name.
            var connectionString = $"Data Source={(keep is null ? Path.Combine(folder, "readiness.db") : Path.GetFullPath(keep))}";
            await using var services = await StartAsync(connectionString, args.Contains("--log-sql"));
            await SyntheticAsync(services, connectionString, returns, seed, output);
            await output.WriteLineAsync($"loadavg after: {LoadAverage()}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task FullRoundAsync(ServiceProvider services, int seed, TextWriter output)
    {
        var roundId = await OpenRoundAsync(services, "Full round");
        var watch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoReturns>().SeedAsync(roundId, null, seed);
        }

        await output.WriteLineAsync($"Full round: demo returns for every registered council submitted in {watch.Elapsed.TotalSeconds:F1} s");
        for (var run = 1; run <= 3; run++)
        {
            await using var scope = services.CreateAsyncScope();
            watch.Restart();
            var summary = await scope.ServiceProvider.GetRequiredService<RoundAggregator>().AggregateAsync(roundId);
            await output.WriteLineAsync(
                $"Full round aggregation run {run}: {watch.Elapsed.TotalMilliseconds:F0} ms ({summary.ReturnsAggregated} returns, {summary.SuppressedCells} cells withheld) [target < 1000 ms]");
        }
    }

    private static async Task SyntheticAsync(ServiceProvider services, string connectionString, int returns, int seed, TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        var name = $"Synthetic {returns} seed {seed}";
        var roundId = await KeptRoundAsync(services, name);
        if (roundId is null)
        {
            roundId = await OpenRoundAsync(services, name);
            var answers = SyntheticRound.Insert(connectionString, roundId.Value, returns, seed);
            await output.WriteLineAsync($"Synthetic round: {returns:N0} returns, {answers:N0} answers inserted in {watch.Elapsed.TotalSeconds:F1} s");
        }
        else
        {
            await output.WriteLineAsync($"Synthetic round: reusing round {roundId} ({returns:N0} returns) of the kept database");
        }

        // Warm the page cache for both sides, then time each.
        var baselineRows = GroupByCount(connectionString, roundId.Value, ChoiceCountSql);
        watch.Restart();
        baselineRows = GroupByCount(connectionString, roundId.Value, ChoiceCountSql);
        var choiceBaseline = watch.Elapsed;
        watch.Restart();
        var selectionRows = GroupByCount(connectionString, roundId.Value, SelectionCountSql);
        var selectionBaseline = watch.Elapsed;

        var previous = await CurrentContentAsync(services, roundId.Value);
        await output.WriteLineAsync($"Baseline plan: {Plan(connectionString, roundId.Value, ChoiceCountSql)}");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        using var workingSet = new PeakMemory();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        using var sampler = new ManagedHeapSampler();

        var cpuBefore = process.TotalProcessorTime;
        watch.Restart();
        AggregateSnapshot snapshot;
        await using (var scope = services.CreateAsyncScope())
        {
            snapshot = await scope.ServiceProvider.GetRequiredService<AggregationRunner>().RunAsync(roundId.Value, SyntheticRound.Questions);
        }

        var run = watch.Elapsed;
        sampler.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var peak = workingSet.PeakMegabytes;

        // The same run with every count on the run's own connection (Aggregation:ParallelCounts off, as
        // on SQL Server): what the second core buys.
        watch.Restart();
        await using (var scope = services.CreateAsyncScope())
        {
            var oneConnection = new AggregationRunner(
                scope.ServiceProvider.GetRequiredService<ReadinessDbContext>(), TimeProvider.System,
                Options.Create(new AggregationOptions { ParallelCounts = false }));
            await oneConnection.RunAsync(roundId.Value, SyntheticRound.Questions);
        }

        var sequential = watch.Elapsed;

        await output.WriteLineAsync($"Hand-written GROUP BY (question, choice) over the same answers: {choiceBaseline.TotalMilliseconds:F0} ms ({baselineRows} rows)");
        await output.WriteLineAsync($"Hand-written GROUP BY (question, value) over the ticks:          {selectionBaseline.TotalMilliseconds:F0} ms ({selectionRows} rows)");
        await output.WriteLineAsync(
            $"AggregationRunner.RunAsync full run: {run.TotalMilliseconds:F0} ms ({snapshot.ReturnCount:N0} returns; content {snapshot.ContentJson.Length / 1024.0 / 1024.0:F1} MB of JSON)");
        await output.WriteLineAsync(
            $"Ratio to the choice GROUP BY: {run / choiceBaseline:F2}x; to both GROUP BYs: {run / (choiceBaseline + selectionBaseline):F2}x [target <= 2x]");
        await output.WriteLineAsync(
            $"  CPU of the full run (both connections): {cpu.TotalMilliseconds:F0} ms ({cpu / choiceBaseline:F2}x the choice GROUP BY's time); " +
            $"the same run on one connection: {sequential.TotalMilliseconds:F0} ms ({sequential / choiceBaseline:F2}x)");
        await output.WriteLineAsync(
            previous is null
                ? "No earlier snapshot of this round to compare with."
                : $"Content JSON identical to the round's previous snapshot (a kept database's earlier run): {(previous == snapshot.ContentJson ? "yes" : "NO")}");
        await output.WriteLineAsync(
            $"Working set before the run {workingSet.StartMegabytes} MB; peak during the run {peak} MB{(workingSet.Exact ? "" : " (sampled every 5 ms)")} [target < 500 MB]; " +
            $"allocated {Mb(GC.GetTotalAllocatedBytes() - allocatedBefore)} MB; peak managed heap {Mb(sampler.PeakManagedHeap)} MB");
    }

    private static async Task<ServiceProvider> StartAsync(string connectionString, bool logSql = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Readiness"] = connectionString,
            ["Database:Provider"] = "Sqlite",
        }).Build();
        var services = new ServiceCollection();
        // --log-sql prints each command EF Core executes with its time, to see where a run's time goes.
        services.AddLogging(logging => logging.AddFilter((category, level) => logSql && category == DbLoggerCategory.Database.Command.Name && level >= LogLevel.Information)
            .AddSimpleConsole(console => console.SingleLine = true));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddReadinessCore(configuration);
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return provider;
    }

    private static async Task<string?> CurrentContentAsync(ServiceProvider services, int roundId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadinessDbContext>();
        return await db.AggregateSnapshots.Where(s => s.RoundId == roundId && s.IsCurrent).Select(s => s.ContentJson).FirstOrDefaultAsync();
    }

    private static string Plan(string connectionString, int roundId, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddWithValue("$round", roundId);
        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join("; ", steps);
    }

    private static async Task<int?> KeptRoundAsync(ServiceProvider services, string name)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadinessDbContext>();
        return await db.Rounds.Where(r => r.Name == name).Select(r => (int?)r.Id).FirstOrDefaultAsync();
    }

    private static async Task<int> OpenRoundAsync(ServiceProvider services, string name)
    {
        await using var scope = services.CreateAsyncScope();
        var round = await scope.ServiceProvider.GetRequiredService<RoundService>().OpenAsync(
            new OpenRoundRequest(name, "ai-readiness-2024-25", null, null, DateTime.UtcNow.AddDays(30)), "benchmark");
        return round.Id;
    }

    private static int GroupByCount(string connectionString, int roundId, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$round", roundId);
        using var reader = command.ExecuteReader();
        var rows = 0;
        long total = 0;
        while (reader.Read())
        {
            _ = reader.GetString(0);
            _ = reader.GetString(1);
            total += reader.GetInt64(2);
            rows++;
        }

        return rows;
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>Samples the managed heap while a run goes on (the working set's peak is <see cref="PeakMemory"/>'s).</summary>
    private sealed class ManagedHeapSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _heap;

        public ManagedHeapSampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));

        public long PeakManagedHeap => Interlocked.Read(ref _heap);

        public void Stop()
        {
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            Sample();
        }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            var value = GC.GetTotalMemory(false);
            long current;
            while (value > (current = Interlocked.Read(ref _heap)) && Interlocked.CompareExchange(ref _heap, value, current) != current)
            {
            }
        }
    }
}
