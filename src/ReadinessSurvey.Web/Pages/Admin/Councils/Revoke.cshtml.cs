using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Web.Accounts;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>Asks, then stops an invitation's link at once (<see cref="InvitationService.RevokeAsync"/>).</summary>
public sealed class RevokeModel(ReadinessDbContext db, InvitationService invitations) : InvitationPageModel(db)
{
    public async Task<IActionResult> OnGetAsync(string code, int invitation, CancellationToken cancellationToken) =>
        await LoadInvitationAsync(code, invitation, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, int invitation, CancellationToken cancellationToken)
    {
        if (!await LoadInvitationAsync(code, invitation, cancellationToken))
        {
            return NotFound();
        }

        await invitations.RevokeAsync(invitation, User.Actor(), cancellationToken);
        TempData["Message"] = $"{Invitation.Name}'s invitation is revoked. Their link no longer works.";
        return Redirect($"/admin/councils/{Council.Code}?round={Invitation.RoundId}");
    }
}
