using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Web.Accounts;

namespace ReadinessSurvey.Web.Pages.Admin.Rounds;

/// <summary>Asks before closing a round: closing ends every invitation at once and cannot be undone here.</summary>
public sealed class CloseModel(ReadinessDbContext db, RoundService rounds) : PageModel
{
    public SurveyRound Round { get; private set; } = null!;

    public int ActiveInvitations { get; private set; }

    public int InProgress { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        ActiveInvitations = await db.Invitations.CountAsync(i => i.RoundId == id && i.RevokedAt == null, cancellationToken);
        InProgress = await db.Returns.CountAsync(r => r.RoundId == id && r.Status == Responses.ReturnStatus.InProgress, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            var round = await rounds.CloseAsync(id, User.Actor(), cancellationToken);
            TempData["Message"] = $"Round \"{round.Name}\" is closed. Every invitation has stopped working.";
        }
        catch (RoundException ex)
        {
            if (!await db.Rounds.AnyAsync(r => r.Id == id, cancellationToken))
            {
                return NotFound();
            }

            TempData["Message"] = ex.Errors[0];
        }

        return Redirect($"/admin/rounds/{id}");
    }
}
