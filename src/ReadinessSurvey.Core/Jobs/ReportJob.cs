using System.Globalization;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting;

namespace ReadinessSurvey.Jobs;

/// <summary>
/// Generates one requested report and records where it got to: Running with progress, then Succeeded
/// with the file's path or Failed with the reason. Hangfire stores the type and method names: do not
/// rename or move this class or its method once they have run in production.
/// </summary>
public sealed class ReportJob(
    ReadinessDbContext db, IReportGenerator generator, JobStorage storage, IServiceScopeFactory scopes, TimeProvider clock)
{
    private const int ErrorLength = 4000;

    // A failure is recorded on the run for the person who asked; retrying would only repeat it.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(long reportRunId, CancellationToken cancellationToken)
    {
        // The same run can be enqueued twice (re-enqueued at start while a worker elsewhere still runs it):
        // whoever holds the lock does it, the other stops. A dead worker's lock goes with its connection.
        using var connection = storage.GetConnection();
        IDisposable runLock;
        try
        {
            runLock = connection.AcquireDistributedLock("readiness:report:" + reportRunId.ToString(CultureInfo.InvariantCulture), TimeSpan.Zero);
        }
        catch (DistributedLockTimeoutException)
        {
            return;
        }

        using (runLock)
        {
            var run = await db.ReportRuns.SingleOrDefaultAsync(r => r.Id == reportRunId, cancellationToken);
            if (run is null || run.Status is ReportRunStatus.Succeeded or ReportRunStatus.Failed)
            {
                return;
            }

            run.Status = ReportRunStatus.Running;
            run.StartedAt = clock.GetUtcNow().UtcDateTime;
            run.CompletedAt = null;
            run.Progress = 0;
            run.Error = null;
            await db.SaveChangesAsync(cancellationToken);

            try
            {
                var path = await generator.GenerateAsync(run, new RunProgress(scopes, reportRunId), cancellationToken);
                run.Status = ReportRunStatus.Succeeded;
                run.OutputPath = path;
                run.Progress = 100;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: the run stays Running and is enqueued again at the next start.
                throw;
            }
            catch (Exception ex)
            {
                run.Status = ReportRunStatus.Failed;
                run.Error = ex.Message.Length > ErrorLength ? ex.Message[..ErrorLength] : ex.Message;
            }

            run.CompletedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Writes progress through its own context: the generator may report from any thread, and the job's
    /// context is busy. Only whole changes of at least 5 points are written.
    /// </summary>
    private sealed class RunProgress(IServiceScopeFactory scopes, long reportRunId) : IProgress<int>
    {
        private readonly Lock _gate = new();
        private int _written;

        public void Report(int value)
        {
            value = Math.Clamp(value, 0, 100);
            lock (_gate)
            {
                if (value - _written < 5)
                {
                    return;
                }

                _written = value;
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<ReadinessDbContext>().ReportRuns
                    .Where(r => r.Id == reportRunId)
                    .ExecuteUpdate(s => s.SetProperty(r => r.Progress, value));
            }
        }
    }
}
