using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Jobs;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Jobs;

[Trait("Category", "Database")]
public sealed class ReportQueueTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_request_is_recorded_as_pending_and_enqueued()
    {
        await using var host = await JobsTestHost.StartAsync(_database);
        var roundId = await Rounds.OpenAsync(host.Services);

        var run = await host.Core.WithAsync(sp => sp.GetRequiredService<ReportQueue>().RequestAsync(roundId, "council", "e07000223", "policy@lga"));

        await using var db = _database.CreateContext();
        var stored = await db.ReportRuns.SingleAsync();
        Assert.Equal(run.Id, stored.Id);
        Assert.Equal(ReportRunStatus.Pending, stored.Status);
        Assert.Equal("E07000223", stored.CouncilCode);
        Assert.Equal("policy@lga", stored.RequestedBy);
        var job = host.Storage.GetMonitoringApi().EnqueuedJobs("default", 0, 10).Single().Value.Job;
        Assert.Equal(typeof(ReportJob), job.Type);
        Assert.Equal(run.Id, job.Args[0]);
    }

    [Theory]
    [InlineData("pie", null)]
    [InlineData("council", null)]
    [InlineData("council", "X99999999")]
    public async Task A_request_for_an_unknown_kind_or_council_is_refused_and_nothing_is_recorded(string kind, string? councilCode)
    {
        await using var host = await JobsTestHost.StartAsync(_database);
        var roundId = await Rounds.OpenAsync(host.Services);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Core.WithAsync(sp => sp.GetRequiredService<ReportQueue>().RequestAsync(roundId, kind, councilCode, "policy@lga")));

        await using var db = _database.CreateContext();
        Assert.Empty(await db.ReportRuns.ToListAsync());
    }

    [Fact]
    public async Task At_start_pending_runs_and_runs_left_running_are_enqueued_again()
    {
        await using var host = await JobsTestHost.StartAsync(_database);
        var roundId = await Rounds.OpenAsync(host.Services);
        long[] unfinished;
        await using (var db = _database.CreateContext())
        {
            var runs = new[] { ReportRunStatus.Pending, ReportRunStatus.Running, ReportRunStatus.Succeeded, ReportRunStatus.Failed }
                .Select(status => new ReportRun { RoundId = roundId, Kind = "sector", Status = status, RequestedBy = "policy@lga", RequestedAt = DateTime.UtcNow })
                .ToList();
            db.ReportRuns.AddRange(runs);
            await db.SaveChangesAsync();
            unfinished = [runs[0].Id, runs[1].Id];
        }

        var count = await host.Core.WithAsync(sp => sp.GetRequiredService<ReportQueue>().RequeueUnfinishedAsync());

        Assert.Equal(2, count);
        var enqueued = host.Storage.GetMonitoringApi().EnqueuedJobs("default", 0, 10).Select(j => (long)j.Value.Job.Args[0]).Order();
        Assert.Equal(unfinished, enqueued);
    }

    [Fact]
    public async Task A_pending_run_found_at_start_is_run_by_the_job_server()
    {
        await using var host = await JobsTestHost.StartAsync(_database);
        var roundId = await Rounds.OpenAsync(host.Services);
        await using (var db = _database.CreateContext())
        {
            db.ReportRuns.Add(new ReportRun { RoundId = roundId, Kind = "sector", Status = ReportRunStatus.Pending, RequestedBy = "policy@lga", RequestedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await host.Core.WithAsync(sp => sp.GetRequiredService<ReportQueue>().RequeueUnfinishedAsync());
        host.StartServer();

        // The real generator runs it, and refuses plainly: the round has no aggregate snapshot yet.
        await JobsTestHost.WaitForAsync(async () =>
        {
            await using var db = _database.CreateContext();
            return (await db.ReportRuns.SingleAsync()).Status == ReportRunStatus.Failed;
        });
        await using var check = _database.CreateContext();
        Assert.StartsWith($"Round {roundId} has no aggregate results yet. Run", (await check.ReportRuns.SingleAsync()).Error, StringComparison.Ordinal);
    }
}
