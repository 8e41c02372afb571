using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>The people to chase: everyone holding a usable invitation at a council on the chase list.</summary>
internal static class ChaseList
{
    public static async Task<IReadOnlyList<Invitation>> InvitationsAsync(ReadinessDbContext db, int roundId, IReadOnlyList<CouncilStatusRow> councils, CancellationToken cancellationToken)
    {
        var ids = councils.Select(c => c.CouncilId).ToList();
        return await db.Invitations.AsNoTracking().Include(i => i.Council)
            .Where(i => i.RoundId == roundId && i.RevokedAt == null && ids.Contains(i.CouncilId))
            .OrderBy(i => i.Council!.Name).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
    }
}
