using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Performance;

/// <summary>
/// Deadline day: contributors of every council, each signed in with their own invitation link and cookies,
/// save answers over HTTP to the web app's own process at a fixed arrival rate (open loop: a slow answer
/// does not slow the arrivals, and each save's time counts from when it was due, not when it was sent).
/// Afterwards every acknowledged save must be in the database: each contributor's answer holds their last
/// acknowledged value at a version equal to their number of acknowledged saves. The baseline is
/// <c>/health</c> at the same rate from the same clients.
/// </summary>
internal static class DeadlineScenario
{
    /// <summary>A council's first, second and third contributor each keep one answer of their own, in a different section.</summary>
    private static readonly (string Section, string Question, string[] Values)[] Questions =
    [
        ("a", "A3", []),
        ("b", "B5", ["banned", "unsanctioned", "guidance", "licences_some", "most_trained"]),
        ("d", "D4", ["none", "ad_hoc", "service_budgets", "dedicated"]),
        ("e", "E1", ["none", "draft", "approved", "approved_reviewed"]),
    ];

    public static async Task<IReadOnlyList<Result>> RunAsync(Workload workload, int contributors, int rate, int seconds)
    {
        var (roundId, invitations) = await InviteAsync(workload, contributors);
        var port = AppProcess.FreePort();

        // Every contributor's link is opened from this one address: the per-address limit on invitation links
        // (10 a minute by default, there to slow guessing) would refuse them, so it is lifted for the run.
        using var app = AppProcess.StartWeb(workload, port, new Dictionary<string, string?> { ["SignInRateLimit:InvitationPermitLimit"] = "1000000" });
        await app.WaitUntilHealthyAsync(port, TimeSpan.FromSeconds(60));
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        Measure.Say($"Signing in {contributors} contributors");
        var sessions = new Session[invitations.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, invitations.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            sessions[i] = await Session.StartAsync(baseUrl, invitations[i]));

        var total = rate * seconds;
        Measure.Say($"Baseline: /health at {rate}/s for 10 s");
        var health = await OpenLoopAsync(rate, rate * 10, i => sessions[i % sessions.Length].HealthAsync());
        Measure.Say($"Saves at {rate}/s for {seconds} s ({total} saves)");
        var saves = await OpenLoopAsync(rate, total, i => sessions[i % sessions.Length].SaveAsync());
        var errors = sessions.Sum(s => s.Errors);
        var lost = await CountLostAsync(workload, roundId, sessions);
        foreach (var session in sessions)
        {
            session.Dispose();
        }

        var p99 = Measure.Percentile(saves, 99);
        var healthP99 = Measure.Percentile(health, 99);
        var load = string.Create(CultureInfo.InvariantCulture, $"{sessions.Length} contributors of {sessions.Select(s => s.Council).Distinct().Count()} councils, {rate}/s");
        return
        [
            new Result("deadline", $"save p99 ({load})", p99, "ms", "< 100 ms", p99 < 100, "/health p99 at the same rate", healthP99,
                string.Create(CultureInfo.InvariantCulture, $"{saves.Count} saves, p50 {Measure.Percentile(saves, 50):0.0} ms, max {saves.Max():0} ms")),
            new Result("deadline", "save errors and lost saves", errors + lost, "", "0 and 0", errors == 0 && lost == 0, "saves made", saves.Count,
                $"{errors} errors, {lost} contributors' answers not as last acknowledged (of {sessions.Count(s => s.Acknowledged > 0)} checked); ratio: the share of saves"),
        ];
    }

    private static async Task<(int RoundId, List<(string Council, string Token, int Rank)> Invitations)> InviteAsync(Workload workload, int contributors)
    {
        await using var scope = workload.Scope();
        var sp = scope.ServiceProvider;
        var round = await sp.GetRequiredService<RoundService>().OpenAsync(
            new OpenRoundRequest($"Deadline day {DateTime.UtcNow:yyyyMMddHHmmss}", "ai-readiness-2024-25", null, null, DateTime.UtcNow.AddDays(1)), "performance");
        var codes = await sp.GetRequiredService<ReadinessDbContext>().Councils.OrderBy(c => c.Code).Select(c => c.Code).ToListAsync();
        var requests = Enumerable.Range(0, contributors)
            .Select(i => new InvitationRequest(round.Id, codes[i % codes.Count], $"Contributor {i}", $"contributor{i}@example.gov.uk", "Officer"))
            .ToList();
        var issued = await sp.GetRequiredService<InvitationService>().CreateManyAsync(requests, "performance");
        return (round.Id, issued.Select((x, i) => (x.CouncilCode, x.Token, i / codes.Count)).ToList());
    }

    /// <summary>Starts request <c>i</c> at <c>i / rate</c> seconds whatever the others are doing; each time runs from when it was due.</summary>
    private static async Task<List<double>> OpenLoopAsync(int rate, int count, Func<int, Task> request)
    {
        var clock = Stopwatch.StartNew();
        var running = new List<Task<double>>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            running.Add(TimedAsync(i, due));
        }

        return [.. await Task.WhenAll(running)];

        async Task<double> TimedAsync(int index, TimeSpan due)
        {
            await request(index);
            return (clock.Elapsed - due).TotalMilliseconds;
        }
    }

    private static async Task<int> CountLostAsync(Workload workload, int roundId, Session[] sessions)
    {
        await using var scope = workload.Scope();
        var answers = await scope.ServiceProvider.GetRequiredService<ReadinessDbContext>().Answers.AsNoTracking()
            .Where(a => a.Return!.RoundId == roundId)
            .Select(a => new { a.Return!.Council!.Code, a.QuestionId, a.ValueJson, a.Version })
            .ToListAsync();
        var stored = answers.ToDictionary(a => (a.Code, a.QuestionId));
        return sessions.Count(s => s.Acknowledged > 0 && (!stored.TryGetValue((s.Council, s.Question), out var row)
            || row.Version != s.Version || AnswerValue.FromJson(row.ValueJson) != s.LastValue));
    }

    /// <summary>One contributor: their cookies, antiforgery token, question and what the server acknowledged.</summary>
    private sealed class Session : IDisposable
    {
        private readonly Browser _browser;
        private readonly (string Section, string Question, string[] Values) _question;
        private string _token = "";

        private Session(Uri baseUrl, string council, int rank)
        {
            _browser = new Browser(baseUrl);
            Council = council;
            _question = Questions[rank % Questions.Length];
        }

        public string Council { get; }

        public string Question => _question.Question;

        public int Version { get; private set; }

        public int Acknowledged { get; private set; }

        public AnswerValue? LastValue { get; private set; }

        public int Errors { get; private set; }

        public static async Task<Session> StartAsync(Uri baseUrl, (string Council, string Token, int Rank) invitation)
        {
            var session = new Session(baseUrl, invitation.Council, invitation.Rank);
            using (var start = await session._browser.GetAsync($"respond/start/{invitation.Token}"))
            {
                if (start.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException($"The invitation link answered {(int)start.StatusCode}, not a redirect.");
                }
            }

            var page = await session._browser.PageAsync($"respond/section/{session._question.Section}");
            session._token = Browser.TokenOf(page);
            var version = System.Text.RegularExpressions.Regex.Match(page, $"name=\"v-{session.Question}\" value=\"(\\d+)\"").Groups[1].Value;
            session.Version = int.Parse(version, CultureInfo.InvariantCulture);
            return session;
        }

        public async Task HealthAsync()
        {
            using var response = await _browser.GetAsync("health");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"/health answered {(int)response.StatusCode}.");
            }
        }

        public async Task SaveAsync()
        {
            var next = Acknowledged + 1;
            var (text, value) = _question.Values.Length == 0
                ? (next.ToString(CultureInfo.InvariantCulture), AnswerValue.Of(next))
                : (_question.Values[next % _question.Values.Length], AnswerValue.Choice(_question.Values[next % _question.Values.Length]));
            using var response = await _browser.PostAsync($"respond/section/{_question.Section}",
            [
                new("__RequestVerificationToken", _token),
                new($"v-{Question}", Version.ToString(CultureInfo.InvariantCulture)),
                new($"q-{Question}", text),
                new("next", "later"),
            ]);
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("notice=saved", StringComparison.Ordinal) == true)
            {
                Version++;
                Acknowledged++;
                LastValue = value;
            }
            else
            {
                Errors++;
            }
        }

        public void Dispose() => _browser.Dispose();
    }
}
