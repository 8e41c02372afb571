using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Web.Accounts;

namespace ReadinessSurvey.Web.Pages.Account;

/// <summary>Signs out of this browser. Only a form post signs out, so a link on another site cannot.</summary>
[OpenBeforeTwoFactor]
public sealed class SignOutModel(SignInManager<PolicyUser> signIn, AuditLog audit, ReadinessDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        audit.Record(User.Actor(), "account.signed-out");
        await db.SaveChangesAsync(cancellationToken);

        // Ended on the server too, so a copy of the cookie taken earlier opens nothing.
        await StaffSessions.EndAsync(db, User, cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignedOut");
    }
}
