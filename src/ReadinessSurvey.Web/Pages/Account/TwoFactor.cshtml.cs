using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Web.Security;
using ReadinessSurvey.Web.Accounts;

namespace ReadinessSurvey.Web.Pages.Account;

/// <summary>The second step of sign-in for users with an authenticator app. Wrong codes count towards lockout.</summary>
[EnableRateLimiting(SignInRateLimitOptions.Policy)]
public sealed class TwoFactorModel(SignInManager<PolicyUser> signIn, AuditLog audit, ReadinessDbContext db) : PageModel
{
    public FormErrors Errors { get; } = [];

    public string? ReturnUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SignInModel.LocalOrNull(returnUrl);
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = SignInModel.LocalOrNull(returnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var digits = AuthenticatorCode.Digits(code);
        if (!AuthenticatorCode.IsWellFormed(digits))
        {
            Errors.Add("code", "Enter the 6-digit code from your authenticator app");
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false);
        audit.Record(user.Email!, result.Succeeded ? "account.signed-in" : result.IsLockedOut ? "account.locked-out" : "account.two-factor-failed", details: "authenticator app");
        await db.SaveChangesAsync(cancellationToken);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl ?? "/admin");
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("/Account/Lockout");
        }

        Errors.Add("code", "The code is not right. Check your authenticator app and enter the code it shows now");
        return Page();
    }
}
