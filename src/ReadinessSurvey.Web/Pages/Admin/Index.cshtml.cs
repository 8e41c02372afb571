using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Pages.Admin;

/// <summary>
/// The workspace's front page: what needs attention (rounds closing soon, councils not started, reports
/// ready, publications waiting), then every round with how far its returns have got.
/// </summary>
public sealed class IndexModel(ReadinessDbContext db, SnapshotReader snapshots, TimeProvider clock) : PageModel
{
    /// <summary>A round closing within this many days is "closing soon".</summary>
    public const int ClosingSoonDays = 14;

    /// <summary>Reports finished within this many days are listed as ready.</summary>
    public const int RecentReportDays = 7;

    public IReadOnlyList<RoundRow> Rounds { get; private set; } = [];

    public IReadOnlyList<RoundRow> ClosingSoon { get; private set; } = [];

    /// <summary>Open rounds with councils that have not started a return, with how many.</summary>
    public IReadOnlyList<(RoundRow Round, int Count)> NotStarted { get; private set; } = [];

    public IReadOnlyList<ReportRun> ReportsReady { get; private set; } = [];

    /// <summary>Rounds whose current results have a published workbook prepared but not yet published.</summary>
    public IReadOnlyList<RoundRow> PublicationsWaiting { get; private set; } = [];

    public DateTime Now { get; private set; }

    public bool NothingNeedsAttention => ClosingSoon.Count == 0 && NotStarted.Count == 0 && ReportsReady.Count == 0 && PublicationsWaiting.Count == 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Rounds = await db.Rounds.AsNoTracking()
            .OrderByDescending(r => r.OpensAt)
            .Select(r => new RoundRow(
                r.Id,
                r.Name,
                r.Status,
                r.ClosesAt,
                db.Returns.Count(x => x.RoundId == r.Id && x.Status != ReturnStatus.NotStarted),
                db.Returns.Count(x => x.RoundId == r.Id && x.Status == ReturnStatus.Submitted)))
            .ToListAsync(cancellationToken);
        var open = Rounds.Where(r => r.Status == RoundStatus.Open && r.ClosesAt > Now).ToList();
        ClosingSoon = [.. open.Where(r => r.ClosesAt <= Now.AddDays(ClosingSoonDays)).OrderBy(r => r.ClosesAt)];

        var notStarted = new List<(RoundRow, int)>();
        foreach (var round in open)
        {
            var states = await CouncilStatuses.ForRoundAsync(db, round.Id, cancellationToken);
            var count = states.Count(s => s.State is CouncilRoundState.NotStarted or CouncilRoundState.NoInvitation);
            if (count > 0)
            {
                notStarted.Add((round, count));
            }
        }

        NotStarted = notStarted;
        var since = Now.AddDays(-RecentReportDays);
        ReportsReady = await db.ReportRuns.AsNoTracking()
            .Where(r => r.Status == ReportRunStatus.Succeeded && r.CompletedAt >= since)
            .OrderByDescending(r => r.CompletedAt).Take(5).ToListAsync(cancellationToken);

        var waiting = new List<RoundRow>();
        foreach (var round in Rounds)
        {
            if (await snapshots.GetCurrentSnapshotIdAsync(round.Id, cancellationToken) is not { } snapshot)
            {
                continue;
            }

            var prepared = await db.ReportRuns.AnyAsync(r => r.RoundId == round.Id && r.Kind == ReportKinds.Published && r.Status == ReportRunStatus.Succeeded && r.SnapshotId == snapshot, cancellationToken);
            var published = await db.PublishedReports.AnyAsync(p => p.RoundId == round.Id && p.SnapshotId == snapshot && p.UnpublishedAt == null, cancellationToken);
            if (prepared && !published)
            {
                waiting.Add(round);
            }
        }

        PublicationsWaiting = waiting;
    }

    public sealed record RoundRow(int Id, string Name, RoundStatus Status, DateTime ClosesAt, int Started, int Submitted);
}
