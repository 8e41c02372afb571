using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>What the pages about one council in one round share: the council from the address and the round from the query.</summary>
public abstract class CouncilPageModel(ReadinessDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Round { get; set; }

    public Council Council { get; private set; } = null!;

    public SurveyRound? Chosen { get; private set; }

    /// <summary>False when the council or an asked-for round does not exist.</summary>
    protected async Task<bool> LoadCouncilAsync(string code, CancellationToken cancellationToken)
    {
        var gss = (code ?? "").Trim().ToUpperInvariant();
        var council = await db.Councils.AsNoTracking().SingleOrDefaultAsync(c => c.Code == gss, cancellationToken);
        if (council is null)
        {
            return false;
        }

        Council = council;
        var rounds = db.Rounds.AsNoTracking();
        Chosen = Round is { } id
            ? await rounds.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            : await rounds.OrderByDescending(r => r.Status == RoundStatus.Open).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        Round = Chosen?.Id;
        return Round is null || Chosen is not null;
    }
}
