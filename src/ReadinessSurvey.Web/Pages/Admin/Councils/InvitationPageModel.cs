using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>Pages about one invitation, addressed under its council so a wrong pairing is simply not found.</summary>
public abstract class InvitationPageModel(ReadinessDbContext db) : CouncilPageModel(db)
{
    private readonly ReadinessDbContext _db = db;

    public Invitation Invitation { get; private set; } = null!;

    protected async Task<bool> LoadInvitationAsync(string code, int invitation, CancellationToken cancellationToken)
    {
        var found = await _db.Invitations.AsNoTracking().Include(i => i.Round).Include(i => i.Council)
            .SingleOrDefaultAsync(i => i.Id == invitation, cancellationToken);
        if (found is null || !string.Equals(found.Council!.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Invitation = found;
        Round = found.RoundId;
        return await LoadCouncilAsync(code!, cancellationToken);
    }
}
