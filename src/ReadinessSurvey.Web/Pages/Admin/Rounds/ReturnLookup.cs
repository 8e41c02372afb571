using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Web.Pages.Admin.Rounds;

/// <summary>Finds a council's return in a round from the address (round id and GSS code), with its round and council.</summary>
internal static class ReturnLookup
{
    public static Task<CouncilReturn?> FindAsync(ReadinessDbContext db, int roundId, string code, CancellationToken cancellationToken)
    {
        var gss = (code ?? "").Trim().ToUpperInvariant();
        return db.Returns.AsNoTracking().Include(r => r.Round).Include(r => r.Council)
            .SingleOrDefaultAsync(r => r.RoundId == roundId && r.Council!.Code == gss, cancellationToken);
    }
}
