using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Web.Accounts;

namespace ReadinessSurvey.Web.Pages.Account;

/// <summary>
/// Sign-in through the organisation's OpenID Connect provider. The provider proves who the person is;
/// this workspace decides what they may do, so only people already added (matched by email) get in.
/// Two-factor is left to the provider, which enforces its own.
/// </summary>
public sealed class ExternalModel(SignInManager<PolicyUser> signIn, UserManager<PolicyUser> users, AuditLog audit, ReadinessDbContext db, IOptions<OidcOptions> oidc) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/SignIn");

    public IActionResult OnPost(string? returnUrl)
    {
        // The same setting that registers the scheme and shows the button on the sign-in page.
        if (!oidc.Value.IsConfigured)
        {
            return NotFound();
        }

        var redirect = Url.Page("/Account/External", "Callback", new { returnUrl = SignInModel.LocalOrNull(returnUrl) });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(PolicyTeamAuthentication.OidcScheme, redirect), PolicyTeamAuthentication.OidcScheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        PolicyUser? person = null;
        if (!result.Succeeded && !result.IsLockedOut && EmailOf(info.Principal) is { } email)
        {
            person = await users.FindByEmailAsync(email);
            if (person is not null)
            {
                await users.AddLoginAsync(person, info);
                result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
            }
        }

        audit.Record(EmailOf(info.Principal) ?? info.ProviderKey, result.Succeeded ? "account.signed-in" : "account.sign-in-failed", details: info.ProviderDisplayName);
        await db.SaveChangesAsync(cancellationToken);
        if (result.Succeeded)
        {
            return LocalRedirect(SignInModel.LocalOrNull(returnUrl) ?? "/admin");
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("/Account/Lockout");
        }

        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    internal static string? EmailOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("preferred_username");
}
