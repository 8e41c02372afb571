using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Benchmarks;

/// <summary>
/// Load benchmark for the respondent's save (issue 3): concurrent contributors save answers over real
/// HTTP to the real app on Kestrel with the embedded SQLite default. Reports the save's p50/p99 against
/// GET /health measured with the same concurrency in the same run, errors, and lost saves (the database
/// must hold every saved answer at the version its saves imply). Loopback only; bounded loops.
///   dotnet run -c Release --project tests/ReadinessSurvey.Benchmarks -- load [--clients 32] [--saves 50]
/// </summary>
public static partial class LoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Option(args, "--clients", 32);
        var saves = Option(args, "--saves", 50);
        var folder = Path.Combine(Path.GetTempPath(), "readiness-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connection = $"Data Source={Path.Combine(folder, "readiness.db")}";
        await using var app = new LoadApp(connection);
        app.UseKestrel(0);
        app.StartServer();
        var baseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");

        var links = await InviteAsync(app.Services, clients);
        var sessions = await Task.WhenAll(links.Select((link, i) => Session.StartAsync(baseUrl, link, i)));

        // Warm up both paths, then measure /health (the baseline) and the save with the same concurrency.
        await Task.WhenAll(sessions.Select(s => s.HealthAsync(10)));
        await Task.WhenAll(sessions.Select(s => s.SaveAsync(5)));
        var cpu = CpuTime();
        var health = (await Task.WhenAll(sessions.Select(s => s.HealthAsync(saves)))).SelectMany(x => x).ToList();
        var healthCpu = CpuTime() - cpu;
        cpu = CpuTime();
        var saved = (await Task.WhenAll(sessions.Select(s => s.SaveAsync(saves)))).SelectMany(x => x).ToList();
        var saveCpu = CpuTime() - cpu;
        var errors = sessions.Sum(s => s.Errors);
        var lost = await CountLostSavesAsync(app.Services, sessions);

        Console.WriteLine($"loadavg: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")} ({Environment.ProcessorCount} cores)");
        Console.WriteLine($"Respondent save under load: {clients} concurrent contributors, {saves} saves each, SQLite (embedded default), Kestrel on loopback");
        Report("GET /health (baseline)", health);
        Report("POST section save", saved);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process CPU per request (server and clients together; steadier than latency on a busy machine): health {healthCpu / health.Count:0.00} ms, save {saveCpu / saved.Count:0.00} ms ({saveCpu / healthCpu:0.0}x)"));
        Console.WriteLine($"save p50 / health p50 = {Ratio(P(saved, 50), P(health, 50))}, save p99 / health p99 = {Ratio(P(saved, 99), P(health, 99))}");
        Console.WriteLine($"errors: {errors}, lost saves: {lost}, target: save p99 < 100 ms -> {(P(saved, 99) < 100 && errors == 0 && lost == 0 ? "met" : "NOT met")}");
        foreach (var s in sessions)
        {
            s.Dispose();
        }

        return errors == 0 && lost == 0 ? 0 : 1;
    }

    private static double CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static async Task<List<string>> InviteAsync(IServiceProvider services, int clients)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var round = await sp.GetRequiredService<RoundService>().OpenAsync(new OpenRoundRequest("Load", "ai-readiness-2024-25", null, null, DateTime.UtcNow.AddDays(30)), "load");
        var codes = await sp.GetRequiredService<ReadinessDbContext>().Councils.OrderBy(c => c.Code).Select(c => c.Code).Take((clients + 1) / 2).ToListAsync();

        // Two contributors per council, each saving their own question, as colleagues dividing the work.
        var requests = Enumerable.Range(0, clients).Select(i => new InvitationRequest(round.Id, codes[i / 2], $"Person {i}", $"person{i}@example.gov.uk", "Officer")).ToList();
        var issued = await sp.GetRequiredService<InvitationService>().CreateManyAsync(requests, "load");
        return issued.Select(i => $"respond/start/{i.Token}").ToList();
    }

    private static async Task<int> CountLostSavesAsync(IServiceProvider services, Session[] sessions)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadinessDbContext>();
        var lost = 0;
        foreach (var s in sessions)
        {
            var row = await db.Answers.AsNoTracking().SingleOrDefaultAsync(a => a.UpdatedBy!.Name == s.Name && a.QuestionId == s.QuestionId);
            var kept = s.QuestionId == "A3" ? row?.Number == s.LastValue : row?.Choice == s.LastChoice;
            if (row is null || row.Version != s.Version || !kept)
            {
                lost++;
            }
        }

        return lost;
    }

    private static void Report(string what, List<double> ms) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-24} n={ms.Count,5}  p50={P(ms, 50),7:0.0} ms  p99={P(ms, 99),7:0.0} ms  max={ms.DefaultIfEmpty().Max(),7:0.0} ms"));

    internal static double P(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Ratio(double a, double b) => (a / b).ToString("0.0", CultureInfo.InvariantCulture) + "x";

    internal static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>One contributor: their own cookies, antiforgery token and question.</summary>
    private sealed class Session : IDisposable
    {
        private readonly HttpClient _client;
        private string _token = "";

        private Session(HttpClient client, int index)
        {
            _client = client;
            Name = $"Person {index}";

            // Even-numbered people save their staff headcount (A3), odd ones their staff's access to AI (B5).
            QuestionId = index % 2 == 0 ? "A3" : "B5";
        }

        public string Name { get; }

        public string QuestionId { get; }

        public int Version { get; private set; }

        public double? LastValue { get; private set; }

        public string? LastChoice { get; private set; }

        public int Errors { get; private set; }

        public static async Task<Session> StartAsync(Uri baseUrl, string link, int index)
        {
            var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
            var session = new Session(new HttpClient(handler) { BaseAddress = baseUrl }, index);
            using var start = await session._client.GetAsync(new Uri(link, UriKind.Relative));
            var page = await session._client.GetStringAsync(new Uri(session.QuestionId == "A3" ? "respond/section/a" : "respond/section/b", UriKind.Relative));
            session._token = TokenPattern().Match(page).Groups[1].Value;
            return session;
        }

        public async Task<List<double>> HealthAsync(int count)
        {
            var times = new List<double>(count);
            for (var i = 0; i < count; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await _client.GetAsync(new Uri("health", UriKind.Relative));
                times.Add(watch.Elapsed.TotalMilliseconds);
                Errors += response.StatusCode == HttpStatusCode.OK ? 0 : 1;
            }

            return times;
        }

        public async Task<List<double>> SaveAsync(int count)
        {
            var times = new List<double>(count);
            string[] access = ["banned", "unsanctioned", "guidance", "licences_some", "most_trained"];
            for (var i = 0; i < count; i++)
            {
                var fields = new List<KeyValuePair<string, string>>
                {
                    new("__RequestVerificationToken", _token),
                    new($"v-{QuestionId}", Version.ToString(CultureInfo.InvariantCulture)),
                    new("next", "later"),
                };
                var number = 1000 + Version + 1;
                var choice = access[(Version + 1) % access.Length];
                fields.Add(new($"q-{QuestionId}", QuestionId == "A3" ? number.ToString(CultureInfo.InvariantCulture) : choice));
                using var content = new FormUrlEncodedContent(fields);
                var watch = Stopwatch.StartNew();
                using var response = await _client.PostAsync(new Uri(QuestionId == "A3" ? "respond/section/a" : "respond/section/b", UriKind.Relative), content);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Version++;
                    (LastValue, LastChoice) = QuestionId == "A3" ? (number, null) : ((double?)null, choice);
                }
                else
                {
                    Errors++;
                }
            }

            return times;
        }

        public void Dispose() => _client.Dispose();
    }

    /// <summary>The real web app on its own SQLite file, in the Production environment, quiet.</summary>
    internal sealed class LoadApp(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(Path.Combine(ProjectPaths.Root, "src", "ReadinessSurvey.Web"));
            builder.UseSetting("ConnectionStrings:Readiness", connectionString);
            builder.UseSetting("SignInRateLimit:PermitLimit", "100000");
            builder.UseSetting("SignInRateLimit:InvitationPermitLimit", "100000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Jobs:Server", "false");
        }
    }
}
