using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Accounts;

namespace ReadinessSurvey.Web.Pages.Account;

/// <summary>
/// The signed-in team member's personal API tokens: make one (its secret is shown on this response only
/// and never stored), see them all, and go to revoke one.
/// </summary>
public sealed class ApiTokensModel(UserManager<PolicyUser> users, ApiTokenService tokens, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int Days { get; set; } = 90;

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The new token's secret, on the response to the post that made it, and never again.</summary>
    public string? NewSecret { get; private set; }

    public DateTime Now { get; private set; }

    public FormErrors Errors { get; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var person = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        try
        {
            var (_, secret) = await tokens.CreateAsync(person, Name, Days, cancellationToken);
            NewSecret = secret;
            Name = null;

            // The secret is in this page only: no browser or proxy may keep a copy.
            Response.Headers.CacheControl = "no-store";
        }
        catch (ArgumentException ex)
        {
            Errors.Add(ex.ParamName == "days" ? "days" : "name", ex.Message.Split(" (Parameter", 2)[0]);
            ViewData["HasErrors"] = true;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Tokens = await tokens.ListAsync(users.GetUserId(User)!, cancellationToken);
    }
}
