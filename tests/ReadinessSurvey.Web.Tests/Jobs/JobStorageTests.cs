using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Jobs;

namespace ReadinessSurvey.Tests.Web.Jobs;

/// <summary>
/// Each app has its own job storage. Hangfire's default registration hands out the process-wide
/// JobStorage.Current, so apps starting at the same time in one process (as test classes do) could take
/// each other's storage and enqueue into another app's database.
/// </summary>
[Trait("Category", "Database")]
public sealed class JobStorageTests
{
    [Fact]
    public async Task Apps_starting_together_in_one_process_each_enqueue_into_their_own_storage()
    {
        var apps = Enumerable.Range(0, 6).Select(_ => new ReadinessWebFactory()).ToList();
        try
        {
            var storages = await Task.WhenAll(apps.Select(app => Task.Run(() => app.Services.GetRequiredService<JobStorage>())));
            var jobIds = apps.Select(app => app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ReportJob>(j => j.RunAsync(12345, CancellationToken.None))).ToList();

            Assert.Equal(apps.Count, storages.Distinct().Count());
            Assert.All(storages, storage => Assert.Equal(1, storage.GetMonitoringApi().EnqueuedCount("default")));
            Assert.All(Enumerable.Range(0, apps.Count), i => Assert.NotNull(storages[i].GetMonitoringApi().JobDetails(jobIds[i])));
        }
        finally
        {
            apps.ForEach(app => app.Dispose());
        }
    }
}
