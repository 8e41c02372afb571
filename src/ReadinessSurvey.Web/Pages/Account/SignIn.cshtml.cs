using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Security;

namespace ReadinessSurvey.Web.Pages.Account;

/// <summary>
/// Password sign-in for the policy team, with two-factor when enabled. Repeated failures hold the
/// client that made them, for that email, whether or not it has an account (<see cref="SignInThrottle"/>).
/// </summary>
[EnableRateLimiting(SignInRateLimitOptions.Policy)]
public sealed class SignInModel(SignInManager<PolicyUser> signIn, SignInThrottle throttle, AuditLog audit, ReadinessDbContext db, IOptions<OidcOptions> oidc) : PageModel
{
    public FormErrors Errors { get; } = [];

    public string? Email { get; private set; }

    public string? ReturnUrl { get; private set; }

    public string? OidcName => oidc.Value.IsConfigured ? oidc.Value.DisplayName : null;

    public void OnGet(string? returnUrl) => ReturnUrl = LocalOrNull(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken cancellationToken)
    {
        Email = email?.Trim();
        ReturnUrl = LocalOrNull(returnUrl);
        if (string.IsNullOrEmpty(Email))
        {
            Errors.Add("email", "Enter your email address");
        }

        if (string.IsNullOrEmpty(password))
        {
            Errors.Add("password", "Enter your password");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        if (throttle.IsHeld(HttpContext, Email!))
        {
            audit.Record(Email!, "account.locked-out");
            await db.SaveChangesAsync(cancellationToken);
            return RedirectToPage("/Account/Lockout");
        }

        // Identity's own lockout would lock the account for everyone, and only accounts that exist:
        // the throttle above does the counting instead, for this client and email.
        var result = await signIn.PasswordSignInAsync(Email!, password!, isPersistent: false, lockoutOnFailure: false);
        var failed = !result.Succeeded && !result.RequiresTwoFactor && !result.IsLockedOut;
        if (failed)
        {
            throttle.Failed(HttpContext, Email!);
        }
        else if (!result.IsLockedOut)
        {
            throttle.Succeeded(HttpContext, Email!);
        }

        audit.Record(Email!, result.Succeeded ? "account.signed-in" : result.RequiresTwoFactor ? "account.password-accepted" : result.IsLockedOut ? "account.locked-out" : "account.sign-in-failed");
        await db.SaveChangesAsync(cancellationToken);
        if (failed && throttle.IsHeld(HttpContext, Email!))
        {
            return RedirectToPage("/Account/Lockout");
        }

        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl ?? "/admin");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("/Account/Lockout");
        }

        // The same words whether the email is unknown or the password wrong, so the page does not reveal who has an account.
        Errors.Add("email", "Enter a correct email address and password");
        return Page();
    }

    internal static string? LocalOrNull(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : null;
}
