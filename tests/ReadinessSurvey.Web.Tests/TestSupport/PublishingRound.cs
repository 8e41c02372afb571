using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;
using ReadinessSurvey.Demo;
using ReadinessSurvey.Jobs;
using ReadinessSurvey.Publishing;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Reporting.Excel;

namespace ReadinessSurvey.Tests.Web;

/// <summary>
/// A round with submitted demo returns and a current snapshot, in the web app's own database, for the
/// reports, publishing and API tests. Reports go to the real reports folder (as in the app), under a round
/// name of their own; the round's folder and its publications' folders are deleted afterwards.
/// </summary>
public sealed class PublishingRound(ReadinessWebFactory factory) : IDisposable
{
    private readonly List<string> _slugs = [];

    public static async Task<(PublishingRound Round, int RoundId)> CreateAsync(ReadinessWebFactory factory, int councils = 30)
    {
        var round = new PublishingRound(factory);
        return (round, await round.AddRoundAsync(councils));
    }

    /// <summary>
    /// Opens a round named uniquely, submits demo returns for the councils and aggregates it; without
    /// <paramref name="publishedView"/> it only counts (the published view is then protected by the first report that needs it).
    /// </summary>
    public async Task<int> AddRoundAsync(int councils = 30, bool publishedView = true)
    {
        var name = "Publishing test " + Guid.NewGuid().ToString("N")[..8];
        _slugs.Add(WorkbookNames.Slug(name));
        var roundId = await new Scenario(factory).OpenRoundAsync(name);
        await WithAsync(async sp =>
        {
            await sp.GetRequiredService<DemoReturns>().SeedAsync(roundId, councils, seed: 7);
            var aggregator = sp.GetRequiredService<RoundAggregator>();
            return publishedView ? await aggregator.AggregateAsync(roundId) : await aggregator.CountAsync(roundId);
        });
        return roundId;
    }

    /// <summary>Runs every waiting report run the way the job server would (the test app runs no job server).</summary>
    public async Task<IReadOnlyList<ReportRun>> RunReportJobsAsync()
    {
        var waiting = await WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().ReportRuns
            .Where(r => r.Status == ReportRunStatus.Pending).Select(r => r.Id).ToListAsync());
        foreach (var id in waiting)
        {
            await WithAsync(async sp =>
            {
                await sp.GetRequiredService<ReportJob>().RunAsync(id, CancellationToken.None);
                return 0;
            });
        }

        return await WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().ReportRuns.AsNoTracking()
            .Where(r => waiting.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync());
    }

    public Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action) => new Scenario(factory).WithAsync(action);

    public void Dispose()
    {
        var reports = factory.Services.GetRequiredService<ReportFolder>();
        var folders = _slugs.SelectMany(s => new[] { Path.Combine(reports.Root, s), Path.Combine(reports.PublishedRoot, s) });
        foreach (var folder in folders)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
