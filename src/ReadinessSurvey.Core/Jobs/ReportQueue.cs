using Hangfire;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting;

namespace ReadinessSurvey.Jobs;

/// <summary>
/// Takes requests for reports. Each request is first recorded as a pending <see cref="ReportRun"/>, then
/// enqueued; if the process stops before the job runs, <see cref="RequeueUnfinishedAsync"/> enqueues it
/// again at the next start, so a request is never lost with the job storage (in-memory on SQLite).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is a queue of report requests; the name is the issue's.")]
public sealed class ReportQueue(ReadinessDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>The report kinds a run may ask for.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["sector", "published", "council", "councils", "export"];

    public async Task<ReportRun> RequestAsync(int roundId, string kind, string? councilCode, string requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            throw new ArgumentException($"There is no report kind '{kind}'. Choose one of: {string.Join(", ", Kinds)}.", nameof(kind));
        }

        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, cancellationToken))
        {
            throw new ArgumentException($"There is no round with id {roundId}.", nameof(roundId));
        }

        var code = string.IsNullOrWhiteSpace(councilCode) ? null : councilCode.Trim().ToUpperInvariant();
        if (kind == "council" && (code is null || !await db.Councils.AnyAsync(c => c.Code == code, cancellationToken)))
        {
            throw new ArgumentException($"A council report needs the code of a council in the register ('{councilCode}' is not one).", nameof(councilCode));
        }

        var run = new ReportRun
        {
            RoundId = roundId,
            Kind = kind,
            CouncilCode = code,
            RequestedBy = requestedBy,
            RequestedAt = clock.GetUtcNow().UtcDateTime,
            Status = ReportRunStatus.Pending,
        };
        db.ReportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        Enqueue(run.Id);
        return run;
    }

    /// <summary>
    /// Enqueues every run still pending, and every run left running by a process that stopped; returns
    /// how many. A run another live worker is still doing is skipped by the job itself (it holds a lock).
    /// </summary>
    public async Task<int> RequeueUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        var ids = await db.ReportRuns.AsNoTracking()
            .Where(r => r.Status == ReportRunStatus.Pending || r.Status == ReportRunStatus.Running)
            .OrderBy(r => r.Id).Select(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            Enqueue(id);
        }

        return ids.Count;
    }

    private void Enqueue(long reportRunId) => jobs.Enqueue<ReportJob>(j => j.RunAsync(reportRunId, CancellationToken.None));
}
