using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Jobs;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Jobs;

[Trait("Category", "Database")]
public sealed class ReportJobTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_run_that_succeeds_goes_running_with_progress_then_succeeded_with_its_file()
    {
        var generator = new FakeGenerator(_database, _ => "reports/sector-2025.xlsx");
        await using var host = await JobsTestHost.StartAsync(_database, configure: s => s.AddScoped<IReportGenerator>(_ => generator));
        var runId = await AddRunAsync(host);

        await RunJobAsync(host, runId);

        Assert.Equal((ReportRunStatus.Running, 50), generator.SeenDuringRun);
        await using var db = _database.CreateContext();
        var run = await db.ReportRuns.SingleAsync();
        Assert.Equal(ReportRunStatus.Succeeded, run.Status);
        Assert.Equal("reports/sector-2025.xlsx", run.OutputPath);
        Assert.Equal(100, run.Progress);
        Assert.Null(run.Error);
        Assert.NotNull(run.StartedAt);
        Assert.True(run.CompletedAt >= run.StartedAt);
    }

    [Fact]
    public async Task A_run_whose_generator_throws_is_failed_with_the_reason()
    {
        var generator = new FakeGenerator(_database, _ => throw new InvalidOperationException("The chart could not be drawn."));
        await using var host = await JobsTestHost.StartAsync(_database, configure: s => s.AddScoped<IReportGenerator>(_ => generator));
        var runId = await AddRunAsync(host);

        await RunJobAsync(host, runId);

        await using var db = _database.CreateContext();
        var run = await db.ReportRuns.SingleAsync();
        Assert.Equal(ReportRunStatus.Failed, run.Status);
        Assert.Equal("The chart could not be drawn.", run.Error);
        Assert.Null(run.OutputPath);
        Assert.NotNull(run.CompletedAt);
    }

    [Fact]
    public async Task A_run_the_generator_refuses_fails_with_its_plain_reason()
    {
        await using var host = await JobsTestHost.StartAsync(_database);
        var runId = await AddRunAsync(host, "export");

        await RunJobAsync(host, runId);

        await using var db = _database.CreateContext();
        var run = await db.ReportRuns.SingleAsync();
        Assert.Equal(ReportRunStatus.Failed, run.Status);
        Assert.StartsWith("Round ", run.Error, StringComparison.Ordinal);
        Assert.Contains("has no aggregate results yet", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finished_run_enqueued_again_is_left_alone()
    {
        var calls = 0;
        var generator = new FakeGenerator(_database, _ => { calls++; return "reports/a.xlsx"; });
        await using var host = await JobsTestHost.StartAsync(_database, configure: s => s.AddScoped<IReportGenerator>(_ => generator));
        var runId = await AddRunAsync(host);

        await RunJobAsync(host, runId);
        await RunJobAsync(host, runId);

        Assert.Equal(1, calls);
    }

    private static async Task<long> AddRunAsync(JobsTestHost host, string kind = "sector")
    {
        var roundId = await Rounds.OpenAsync(host.Services);
        var run = await host.Core.WithAsync(sp => sp.GetRequiredService<ReportQueue>().RequestAsync(roundId, kind, null, "policy@lga"));
        return run.Id;
    }

    private static async Task RunJobAsync(JobsTestHost host, long runId)
    {
        await using var scope = host.Core.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReportJob>().RunAsync(runId, CancellationToken.None);
    }

    /// <summary>Reports 50%, notes what the database says meanwhile, then returns a path or throws.</summary>
    private sealed class FakeGenerator(TestDatabase database, Func<ReportRun, string> result) : IReportGenerator
    {
        public (ReportRunStatus Status, int Progress)? SeenDuringRun { get; private set; }

        public async Task<string> GenerateAsync(ReportRun run, IProgress<int> progress, CancellationToken cancellationToken)
        {
            progress.Report(50);
            await using var db = database.CreateContext();
            var stored = await db.ReportRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id, cancellationToken);
            SeenDuringRun = (stored.Status, stored.Progress);
            return result(run);
        }
    }
}
