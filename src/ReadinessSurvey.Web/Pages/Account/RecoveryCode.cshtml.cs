using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Web.Security;

namespace ReadinessSurvey.Web.Pages.Account;

/// <summary>Signs in with a one-time recovery code when the authenticator app is lost.</summary>
[EnableRateLimiting(SignInRateLimitOptions.Policy)]
public sealed class RecoveryCodeModel(SignInManager<PolicyUser> signIn, AuditLog audit, ReadinessDbContext db) : PageModel
{
    public FormErrors Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var cleaned = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (cleaned.Length == 0)
        {
            Errors.Add("code", "Enter a recovery code");
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(cleaned);
        audit.Record(user.Email!, result.Succeeded ? "account.signed-in" : "account.two-factor-failed", details: "recovery code");
        await db.SaveChangesAsync(cancellationToken);
        if (result.Succeeded)
        {
            return LocalRedirect("/account");
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("/Account/Lockout");
        }

        Errors.Add("code", "The recovery code is not right, or has been used");
        return Page();
    }
}
