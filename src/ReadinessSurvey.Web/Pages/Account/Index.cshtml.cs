using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Web.Accounts;

namespace ReadinessSurvey.Web.Pages.Account;

/// <summary>The signed-in team member's account: role, two-factor status, and signing out everywhere.</summary>
[OpenBeforeTwoFactor]
public sealed class IndexModel(UserManager<PolicyUser> users, SignInManager<PolicyUser> signIn, AuditLog audit, ReadinessDbContext db) : PageModel
{
    public PolicyUser Person { get; private set; } = null!;

    public string Role { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Person = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        Role = string.Join(", ", await users.GetRolesAsync(Person));
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        var person = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");

        // A new security stamp invalidates every cookie issued before it once the validator next checks.
        await users.UpdateSecurityStampAsync(person);
        audit.Record(person.Email!, "account.signed-out-everywhere");
        await db.SaveChangesAsync(cancellationToken);

        // And at once, rather than at the next stamp check.
        await StaffSessions.EndAllAsync(db, person.Id, cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignedOut");
    }
}
