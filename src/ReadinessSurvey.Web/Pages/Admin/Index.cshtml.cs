using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Pages.Admin;

/// <summary>The workspace's front page: every round with how far its returns have got.</summary>
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
                r.ClosesAt,
                db.Returns.Count(x => x.RoundId == r.Id && x.Status != ReturnStatus.NotStarted),
                db.Returns.Count(x => x.RoundId == r.Id && x.Status == ReturnStatus.Submitted)))
            .ToListAsync(cancellationToken);
    }

    public sealed record RoundRow(int Id, string Name, RoundStatus Status, DateTime ClosesAt, int Started, int Submitted);
}
