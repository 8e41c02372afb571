using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Web.Admin;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>One council in a round: its return's state, everyone invited and the emails sent to them, with send, revoke and reissue for admins.</summary>
public sealed class CouncilModel(ReadinessDbContext db, TimeProvider clock) : CouncilPageModel(db)
{
    private readonly ReadinessDbContext _db = db;

    public IReadOnlyList<SurveyRound> Rounds { get; private set; } = [];

    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    public ReturnStatus? ReturnStatus { get; private set; }

    /// <summary>The emails to each invitation, newest first.</summary>
    public ILookup<int, Email.EmailMessage> Emails { get; private set; } = Enumerable.Empty<Email.EmailMessage>().ToLookup(m => m.InvitationId);

    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadCouncilAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Now = clock.GetUtcNow().UtcDateTime;
        Rounds = await _db.Rounds.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        if (Chosen is not null)
        {
            Invitations = await _db.Invitations.AsNoTracking().Where(i => i.RoundId == Chosen.Id && i.CouncilId == Council.Id)
                .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);
            Emails = await EmailDisplay.ForInvitationsAsync(_db, Invitations.Select(i => i.Id).ToList(), cancellationToken);
            ReturnStatus = await _db.Returns.Where(r => r.RoundId == Chosen.Id && r.CouncilId == Council.Id)
                .Select(r => (ReturnStatus?)r.Status).SingleOrDefaultAsync(cancellationToken);
        }

        return Page();
    }

    public string StateOf(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return invitation.RevokedAt is not null ? "Revoked"
            : invitation.ExpiresAt <= Now || Chosen?.Status == RoundStatus.Closed ? "Ended"
            : "Active";
    }
}
