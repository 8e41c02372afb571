using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Admin;
using ReadinessSurvey.Web.Pages.Account;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>
/// Invites one named person for a council (<see cref="InvitationService.CreateAsync"/>) and shows their
/// link once, in the response to the post: only its hash is stored, so it is never shown again.
/// </summary>
public sealed class InviteModel(ReadinessDbContext db, InvitationService invitations, IConfiguration configuration) : CouncilPageModel(db)
{
    public FormErrors Errors { get; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    /// <summary>Set once the invitation is made: the link to send.</summary>
    public string? Link { get; private set; }

    public IssuedInvitation? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadCouncilAsync(code, cancellationToken) && Chosen is not null ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadCouncilAsync(code, cancellationToken) || Chosen is null)
        {
            return NotFound();
        }

        try
        {
            Issued = await invitations.CreateAsync(new InvitationRequest(Chosen.Id, Council.Code, Name ?? "", Email ?? "", Role ?? ""), User.Actor(), cancellationToken);
            Link = Issued.Link(InvitationLinks.BaseUrl(configuration));
            Response.Headers.CacheControl = "no-store";
        }
        catch (InvitationException ex)
        {
            foreach (var error in ex.Errors)
            {
                // The service's messages start "Invitation: ..."; the page shows the part after it.
                var text = error.StartsWith("Invitation: ", StringComparison.Ordinal) ? error["Invitation: ".Length..] : error;
                Errors.Add(FieldOf(text), char.ToUpperInvariant(text[0]) + text[1..]);
            }
        }

        return Page();
    }

    private static string FieldOf(string error) =>
        error.Contains("email", StringComparison.OrdinalIgnoreCase) ? "email"
        : error.Contains("role", StringComparison.OrdinalIgnoreCase) ? "role"
        : "name";
}
