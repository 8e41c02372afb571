using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Performance;

/// <summary>
/// Every dashboard page of every round, with ten rounds (3,390 returns) in the database, requested over HTTP
/// from the web app's own process by a signed-in analyst. The baseline is <c>/health</c> requested the same way.
/// </summary>
internal static class DashboardScenario
{
    private const int Requests = 20;

    public static async Task<IReadOnlyList<Result>> RunAsync(Workload workload, int roundCount)
    {
        var rounds = await workload.SeededRoundsAsync(roundCount);
        string email;
        string password;
        string council;
        await using (var scope = workload.Scope())
        {
            email = $"analyst-{Guid.NewGuid():N}@lga.example";
            (_, password) = await scope.ServiceProvider.GetRequiredService<AccountService>().AddAsync(email, "Performance Analyst", "Analyst", null, "performance");
            council = await scope.ServiceProvider.GetRequiredService<ReadinessDbContext>().Councils.OrderBy(c => c.Code).Select(c => c.Code).FirstAsync();
        }

        var port = AppProcess.FreePort();
        using var app = AppProcess.StartWeb(workload, port);
        await app.WaitUntilHealthyAsync(port, TimeSpan.FromSeconds(60));
        using var browser = new Browser(new Uri($"http://127.0.0.1:{port}/"));
        await browser.SignInAsync(email, password);

        var pages = new Dictionary<string, Func<int, string>>
        {
            ["dashboard list"] = _ => "admin/dashboard",
            ["overview"] = r => $"admin/dashboard/{r}",
            ["responses"] = r => $"admin/dashboard/{r}/responses",
            ["dimensions"] = r => $"admin/dashboard/{r}/dimensions",
            ["maturity"] = r => $"admin/dashboard/{r}/maturity",
            ["questions"] = r => $"admin/dashboard/{r}/questions",
            ["one question (B1)"] = r => $"admin/dashboard/{r}/questions/B1",
            ["councils"] = r => $"admin/dashboard/{r}/councils",
            ["one council"] = r => $"admin/dashboard/{r}/councils/{council}",
        };

        // Each page of each round once unmeasured (the first request builds the snapshot's cached view), then measured.
        foreach (var page in pages.Values)
        {
            foreach (var round in rounds)
            {
                await browser.PageAsync(page(round));
            }
        }

        var health = await TimeAsync(browser, rounds, _ => "health");
        var results = new List<Result>();
        foreach (var (name, page) in pages)
        {
            var times = await TimeAsync(browser, rounds, page);
            var p95 = Measure.Percentile(times, 95);
            results.Add(new Result("dashboard", $"{name} p95 ({rounds.Count} rounds)", p95, "ms", "< 100 ms", p95 < 100,
                "/health p95", Measure.Percentile(health, 95), string.Create(CultureInfo.InvariantCulture, $"{times.Count} requests, max {times.Max():0} ms")));
        }

        return results;
    }

    /// <summary><see cref="Requests"/> requests of the page for every round, one after another.</summary>
    private static async Task<List<double>> TimeAsync(Browser browser, IReadOnlyList<int> rounds, Func<int, string> page)
    {
        var times = new List<double>();
        for (var i = 0; i < Requests; i++)
        {
            foreach (var round in rounds)
            {
                var watch = Stopwatch.StartNew();
                await browser.PageAsync(page(round));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }
}
