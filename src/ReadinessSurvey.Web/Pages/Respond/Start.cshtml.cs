using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Web.Respond;
using ReadinessSurvey.Web.Security;

namespace ReadinessSurvey.Web.Pages.Respond;

/// <summary>
/// Exchanges an invitation token for a session cookie, then redirects so the token leaves the address
/// bar. Invalid, expired, revoked and other-round tokens all get the same page and status.
/// </summary>
[EnableRateLimiting(SignInRateLimitOptions.InvitationPolicy)]
public sealed class StartModel(InvitationService invitations, ReturnService returns) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        var invitation = await invitations.FindUsableAsync(token, cancellationToken);
        if (invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var contributor = await returns.EnsureContributorAsync(invitation, cancellationToken);
        await HttpContext.SignOutAsync(RespondentAuthentication.Scheme);
        await HttpContext.SignInAsync(RespondentAuthentication.Scheme, RespondentAuthentication.CreatePrincipal(contributor, invitation));
        return RedirectToPage("/Respond/Index");
    }
}
