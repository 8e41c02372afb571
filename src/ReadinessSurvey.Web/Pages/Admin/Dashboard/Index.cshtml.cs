using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Pages.Admin.Dashboard;

/// <summary>Every round, with when its figures were last aggregated, linking to its dashboards.</summary>
public sealed class IndexModel(ReadinessDbContext db) : PageModel
{
    public IReadOnlyList<RoundRow> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rounds = await db.Rounds.AsNoTracking()
            .OrderByDescending(r => r.OpensAt)
            .Select(r => new RoundRow(
                r.Id,
                r.Name,
                r.Status,
                db.AggregateSnapshots.Where(s => s.RoundId == r.Id && s.IsCurrent).Select(s => (DateTime?)s.ComputedAt).FirstOrDefault(),
                db.AggregateSnapshots.Where(s => s.RoundId == r.Id && s.IsCurrent).Select(s => (int?)s.ReturnCount).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public sealed record RoundRow(int Id, string Name, RoundStatus Status, DateTime? ComputedAt, int? Returns);
}
