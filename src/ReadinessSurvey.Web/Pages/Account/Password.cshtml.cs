using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Web.Accounts;

namespace ReadinessSurvey.Web.Pages.Account;

/// <summary>Changes the signed-in user's password against the shared password rules.</summary>
[OpenBeforeTwoFactor]
public sealed class PasswordModel(UserManager<PolicyUser> users, SignInManager<PolicyUser> signIn, AuditLog audit, ReadinessDbContext db) : PageModel
{
    public FormErrors Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? current, string? next, CancellationToken cancellationToken)
    {
        var person = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        if (string.IsNullOrEmpty(current))
        {
            Errors.Add("current", "Enter your current password");
        }

        if (string.IsNullOrEmpty(next))
        {
            Errors.Add("next", "Enter a new password");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(person, current!, next!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Errors.Add(error.Code == "PasswordMismatch" ? "current" : "next", error.Code == "PasswordMismatch" ? "Your current password is not right" : error.Description);
            }

            return Page();
        }

        audit.Record(person.Email!, "account.password-changed");
        await db.SaveChangesAsync(cancellationToken);
        await signIn.RefreshSignInAsync(person);
        TempData["Message"] = "Your password has been changed.";
        return RedirectToPage("/Account/Index");
    }
}
