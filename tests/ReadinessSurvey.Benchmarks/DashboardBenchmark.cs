using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Demo;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Benchmarks;

/// <summary>
/// Dashboard page latency (issue 6) with a full round: every registered council's demo return through
/// the respondents' code paths (<see cref="DemoReturns"/>), aggregated, then each dashboard page fetched
/// over real HTTP on Kestrel by signed-in analysts, against GET /health with the same concurrency in the
/// same run. The first request of each page (snapshot parse and chart drawing) is reported on its own.
///   dotnet run -c Release --project tests/ReadinessSurvey.Benchmarks -- dashboard [--clients 4] [--requests 50]
/// </summary>
public static partial class DashboardBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var clients = LoadBenchmark.Option(args, "--clients", 4);
        var requests = LoadBenchmark.Option(args, "--requests", 50);
        var folder = Path.Combine(Path.GetTempPath(), "readiness-dashboard-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var app = new LoadBenchmark.LoadApp($"Data Source={Path.Combine(folder, "readiness.db")}");
        app.UseKestrel(0);
        app.StartServer();
        var baseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");

        var seeding = Stopwatch.StartNew();
        var (roundId, councilCode, questionId, typeCode, regionCode, returns) = await SeedAsync(app.Services);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded and aggregated {returns} returns in {seeding.Elapsed.TotalSeconds:0.0} s"));

        var (email, password) = await AddAnalystAsync(app.Services);
        var sessions = new List<HttpClient>();
        for (var i = 0; i < clients; i++)
        {
            sessions.Add(await SignInAsync(baseUrl, email, password));
        }

        var pages = new (string Name, string Path)[]
        {
            ("overview", $"admin/dashboard/{roundId}"),
            ("dimensions", $"admin/dashboard/{roundId}/dimensions"),
            ("maturity", $"admin/dashboard/{roundId}/maturity"),
            ("questions", $"admin/dashboard/{roundId}/questions"),
            ("question", $"admin/dashboard/{roundId}/questions/{questionId}"),
            ("question filtered", $"admin/dashboard/{roundId}/questions/{questionId}?type={typeCode}&region={regionCode}"),
            ("responses", $"admin/dashboard/{roundId}/responses"),
            ("councils", $"admin/dashboard/{roundId}/councils"),
            ("council", $"admin/dashboard/{roundId}/councils/{councilCode}"),
        };

        Console.WriteLine($"loadavg before: {LoadAverage()}");
        var errors = 0;
        var first = new List<(string Name, double Ms, long Bytes)>();
        foreach (var (name, path) in pages)
        {
            var (ms, ok, bytes) = await TimeAsync(sessions[0], path);
            errors += ok ? 0 : 1;
            first.Add((name, ms, bytes));
        }

        await Task.WhenAll(sessions.Select(s => RepeatAsync(s, "health", 5)));
        var health = await MeasureAsync(sessions, "health", requests);
        var measured = new List<(string Name, List<double> Times)>();
        errors += health.Errors;
        foreach (var (name, path) in pages)
        {
            var (times, failed) = await MeasureAsync(sessions, path, requests);
            measured.Add((name, times));
            errors += failed;
        }

        Console.WriteLine($"Dashboard pages, full round ({returns} returns), {clients} concurrent analysts, {requests} requests each per page, SQLite, Kestrel on loopback");
        Console.WriteLine($"loadavg after: {LoadAverage()}");
        Console.WriteLine("first request of each page (cold: snapshot parse once, then that page's charts drawn once):");
        foreach (var (name, ms, bytes) in first)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-18} {ms,8:0.0} ms  {bytes / 1024.0,7:0} KB"));
        }

        Report("GET /health (baseline)", health.Times, health.Times);
        var met = true;
        foreach (var (name, times) in measured)
        {
            Report(name, times, health.Times);
            met &= LoadBenchmark.P(times, 95) < 100;
        }

        Console.WriteLine($"errors: {errors}, target: every page p95 < 100 ms -> {(met && errors == 0 ? "met" : "NOT met")}");
        foreach (var s in sessions)
        {
            s.Dispose();
        }

        return errors == 0 ? 0 : 1;
    }

    private static async Task<(int Round, string Council, string Question, string Type, string Region, int Returns)> SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var round = await sp.GetRequiredService<RoundService>().OpenAsync(new OpenRoundRequest("Dashboard", "ai-readiness-2024-25", null, null, DateTime.UtcNow.AddDays(30)), "benchmark");
        var seeded = await sp.GetRequiredService<DemoReturns>().SeedAsync(round.Id, null, 7);
        await sp.GetRequiredService<RoundAggregator>().AggregateAsync(round.Id);
        var content = await sp.GetRequiredService<SnapshotReader>().GetCurrentContentAsync(round.Id) ?? throw new InvalidOperationException("No snapshot.");
        var council = content.Councils.OrderBy(c => c.Code, StringComparer.Ordinal).First();

        // A single-choice question with counts, so its page has a bar chart and both tables.
        var definition = await sp.GetRequiredService<SurveyLibrary>().GetAsync(round.DefinitionVersionId);
        var question = definition.Questions.First(q => q.Type == QuestionType.SingleChoice && content.Questions.Any(r => r.QuestionId == q.Id));
        return (round.Id, council.Code, question.Id, council.TypeCode, council.RegionCode, seeded.Submitted);
    }

    private static async Task<(string Email, string Password)> AddAnalystAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        const string email = "analyst@benchmark.example";
        var (_, password) = await scope.ServiceProvider.GetRequiredService<AccountService>().AddAsync(email, "Benchmark analyst", PolicyRoles.Analyst, null, "benchmark");
        return (email, password);
    }

    private static async Task<HttpClient> SignInAsync(Uri baseUrl, string email, string password)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = baseUrl };
        var form = await client.GetStringAsync(new Uri("account/sign-in", UriKind.Relative));
        using var content = new FormUrlEncodedContent([new("email", email), new("password", password), new("__RequestVerificationToken", TokenPattern().Match(form).Groups[1].Value)]);
        using var response = await client.PostAsync(new Uri("account/sign-in", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in gave {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>Each client requests the path <paramref name="count"/> times, one after another; all clients at once. A failed request is recorded as -1.</summary>
    private static async Task<(List<double> Times, int Errors)> MeasureAsync(List<HttpClient> clients, string path, int count)
    {
        var all = await Task.WhenAll(clients.Select(c => RepeatAsync(c, path, count)));
        var times = all.SelectMany(x => x).ToList();
        return (times.Where(t => t >= 0).ToList(), times.Count(t => t < 0));
    }

    private static async Task<List<double>> RepeatAsync(HttpClient client, string path, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var (ms, ok, _) = await TimeAsync(client, path);
            times.Add(ok ? ms : -1);
        }

        return times;
    }

    private static async Task<(double Ms, bool Ok, long Bytes)> TimeAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        return (watch.Elapsed.TotalMilliseconds, response.StatusCode == HttpStatusCode.OK, body.LongLength);
    }

    private static void Report(string what, List<double> ms, List<double> health) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-24} n={ms.Count,5}  p50={LoadBenchmark.P(ms, 50),7:0.0} ms  p95={LoadBenchmark.P(ms, 95),7:0.0} ms  max={ms.DefaultIfEmpty().Max(),7:0.0} ms  p95/health p95={LoadBenchmark.P(ms, 95) / LoadBenchmark.P(health, 95),5:0.0}x"));

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
