using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Web.Pages.Admin.Publishing;

/// <summary>Every round with the date of its current results and whether they are published.</summary>
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
                db.AggregateSnapshots.Where(s => s.RoundId == r.Id && s.IsCurrent).Select(s => (DateTime?)s.ComputedAt).FirstOrDefault(),
                db.PublishedReports.Count(p => p.RoundId == r.Id && p.UnpublishedAt == null)))
            .ToListAsync(cancellationToken);
    }

    public sealed record RoundRow(int Id, string Name, DateTime? ResultsAt, int Published);
}
