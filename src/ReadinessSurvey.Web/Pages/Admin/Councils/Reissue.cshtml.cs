using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Admin;
using ReadinessSurvey.Web.Pages.Account;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>Asks, then gives an invitation a new link (the old one stops) and shows it once.</summary>
public sealed class ReissueModel(ReadinessDbContext db, InvitationService invitations, IConfiguration configuration) : InvitationPageModel(db)
{
    public FormErrors Errors { get; } = [];

    public string? Link { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int invitation, CancellationToken cancellationToken) =>
        await LoadInvitationAsync(code, invitation, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, int invitation, CancellationToken cancellationToken)
    {
        if (!await LoadInvitationAsync(code, invitation, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var issued = await invitations.ReissueAsync(invitation, User.Actor(), cancellationToken);
            Link = issued.Link(InvitationLinks.BaseUrl(configuration));
            Response.Headers.CacheControl = "no-store";
        }
        catch (InvitationException ex)
        {
            Errors.AddRange(ex.Errors.Select(e => ("reissue", e)));
        }

        return Page();
    }
}
