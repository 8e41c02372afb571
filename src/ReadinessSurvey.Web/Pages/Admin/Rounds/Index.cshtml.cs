using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Pages.Admin.Rounds;

/// <summary>Every round, newest first, with its survey version and how far its returns have got.</summary>
public sealed class IndexModel(ReadinessDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Row> Rounds { get; private set; } = [];

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Rounds = await db.Rounds.AsNoTracking()
            .OrderByDescending(r => r.Id)
            .Select(r => new Row(
                r,
                r.DefinitionVersion!.Title,
                r.DefinitionVersion.Version,
                db.Returns.Count(x => x.RoundId == r.Id && x.Status == ReturnStatus.InProgress),
                db.Returns.Count(x => x.RoundId == r.Id && x.Status == ReturnStatus.Submitted)))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(SurveyRound Round, string Survey, int Version, int InProgress, int Submitted);
}
