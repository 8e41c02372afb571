using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Pages.Admin.Rounds;

/// <summary>A round's summary: its survey version and dates, the councils' states, and the returns started so far.</summary>
public sealed class DetailsModel(ReadinessDbContext db, TimeProvider clock) : PageModel
{
    public SurveyRound Round { get; private set; } = null!;

    public DateTime Now { get; private set; }

    public IReadOnlyDictionary<CouncilRoundState, int> Counts { get; private set; } = new Dictionary<CouncilRoundState, int>();

    public int ActiveInvitations { get; private set; }

    public IReadOnlyList<ReturnRow> Returns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking().Include(r => r.DefinitionVersion).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        Now = clock.GetUtcNow().UtcDateTime;
        var councils = await CouncilStatuses.ForRoundAsync(db, id, cancellationToken);
        Counts = councils.GroupBy(c => c.State).ToDictionary(g => g.Key, g => g.Count());
        ActiveInvitations = councils.Sum(c => c.ActiveInvitations);
        Returns = await db.Returns.AsNoTracking().Where(r => r.RoundId == id && r.Status != ReturnStatus.NotStarted)
            .OrderBy(r => r.Council!.Name)
            .Select(r => new ReturnRow(r.Council!.Code, r.Council.Name, r.Status, r.UpdatedAt, r.Contributors.Count))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public int Count(CouncilRoundState state) => Counts.GetValueOrDefault(state);

    public sealed record ReturnRow(string Code, string Name, ReturnStatus Status, DateTime UpdatedAt, int Contributors);
}
