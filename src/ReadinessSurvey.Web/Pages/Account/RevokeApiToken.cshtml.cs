using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Accounts;

namespace ReadinessSurvey.Web.Pages.Account;

/// <summary>Confirms revoking one of the person's own API tokens (it cannot be undone); anyone else's is not found.</summary>
public sealed class RevokeApiTokenModel(UserManager<PolicyUser> users, ApiTokenService tokens, TimeProvider clock) : PageModel
{
    public ApiToken Token { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var token = await tokens.FindAsync(users.GetUserId(User)!, id, cancellationToken);
        if (token is null || !token.IsActive(clock.GetUtcNow().UtcDateTime))
        {
            return NotFound();
        }

        Token = token;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var person = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        var token = await tokens.FindAsync(person.Id, id, cancellationToken);
        if (token is null || !await tokens.RevokeAsync(person, id, cancellationToken))
        {
            return NotFound();
        }

        TempData[nameof(ApiTokensModel.Message)] = $"The token \"{token.Name}\" is revoked. Tools using it can no longer read the API.";
        return Redirect("/account/api-tokens");
    }
}
