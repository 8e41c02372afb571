using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Demo;
using ReadinessSurvey.Jobs;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Jobs;

[Trait("Category", "Database")]
public sealed class AggregationSchedulerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_burst_of_requests_for_a_round_schedules_one_run()
    {
        await using var host = await JobsTestHost.StartAsync(_database);
        var scheduler = host.Services.GetRequiredService<AggregationScheduler>();

        var first = scheduler.Request(1);
        var rest = Enumerable.Range(0, 5).Select(_ => scheduler.Request(1)).ToList();

        Assert.NotNull(first);
        Assert.All(rest, Assert.Null);
        Assert.Equal(1, host.Storage.GetMonitoringApi().ScheduledCount());
        Assert.Equal(first, scheduler.PendingJobId(1));
    }

    [Fact]
    public async Task Each_round_gets_its_own_run()
    {
        await using var host = await JobsTestHost.StartAsync(_database);
        var scheduler = host.Services.GetRequiredService<AggregationScheduler>();

        Assert.NotNull(scheduler.Request(1));
        Assert.NotNull(scheduler.Request(2));
        Assert.Null(scheduler.Request(2));

        Assert.Equal(2, host.Storage.GetMonitoringApi().ScheduledCount());
    }

    [Fact]
    public async Task The_run_is_scheduled_a_few_seconds_out()
    {
        await using var host = await JobsTestHost.StartAsync(_database);
        var before = DateTime.UtcNow;

        host.Services.GetRequiredService<AggregationScheduler>().Request(1);

        var scheduled = host.Storage.GetMonitoringApi().ScheduledJobs(0, 10).Single().Value;
        Assert.InRange(scheduled.EnqueueAt, before.AddSeconds(2), before.AddSeconds(5));
        Assert.Equal(nameof(AggregationJob.RunAsync), scheduled.Job.Method.Name);
        Assert.Equal(1, scheduled.Job.Args[0]);
    }

    [Fact]
    public async Task Once_the_waiting_run_has_started_a_new_change_schedules_another()
    {
        await using var host = await JobsTestHost.StartAsync(_database);
        var scheduler = host.Services.GetRequiredService<AggregationScheduler>();
        var first = scheduler.Request(1)!;

        // While the run still waits, its start marker stays: it will see this change too.
        scheduler.Started(1);
        Assert.Equal(first, scheduler.PendingJobId(1));

        host.Services.GetRequiredService<IBackgroundJobClient>().ChangeState(first, new EnqueuedState(), ScheduledState.StateName);
        Assert.Null(scheduler.Request(1));
        host.Services.GetRequiredService<IBackgroundJobClient>().Delete(first);
        scheduler.Started(1);

        Assert.Null(scheduler.PendingJobId(1));
        var second = scheduler.Request(1);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Submissions_in_a_burst_give_one_pending_run_that_makes_one_snapshot()
    {
        await using var host = await JobsTestHost.StartAsync(_database);
        var roundId = await Rounds.OpenAsync(host.Services);
        Assert.IsType<HangfireReturnEvents>(host.Services.GetRequiredService<IReturnEvents>());

        // Three councils submit one after another: each submission tells the scheduler.
        await host.Core.WithAsync(sp => sp.GetRequiredService<DemoReturns>().SeedAsync(roundId, 3, seed: 1));

        var monitoring = host.Storage.GetMonitoringApi();
        Assert.Equal(1, monitoring.ScheduledCount());

        host.StartServer();
        await JobsTestHost.WaitForAsync(() => Task.FromResult(monitoring.SucceededListCount() == 1));

        await using var db = _database.CreateContext();
        var snapshot = await db.AggregateSnapshots.SingleAsync();
        Assert.Equal(roundId, snapshot.RoundId);
        Assert.Equal(3, snapshot.ReturnCount);
        Assert.True(snapshot.IsCurrent);
        Assert.Null(host.Services.GetRequiredService<AggregationScheduler>().PendingJobId(roundId));
    }
}
