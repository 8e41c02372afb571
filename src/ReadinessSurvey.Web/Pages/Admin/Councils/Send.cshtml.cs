using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Email;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Pages.Account;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>
/// Asks, then emails the person their invitation (or, when they have had one, a new link), as a background
/// job; the council's page then shows what became of it. Every message carries a link of its own.
/// </summary>
public sealed class SendModel(ReadinessDbContext db, EmailOutbox outbox) : InvitationPageModel(db)
{
    private readonly ReadinessDbContext _db = db;

    public FormErrors Errors { get; } = [];

    /// <summary>Invitation for the first message, a new link after that.</summary>
    public EmailKind Kind { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int invitation, CancellationToken cancellationToken) =>
        await LoadAsync(code, invitation, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, int invitation, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, invitation, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await outbox.QueueAsync([invitation], Kind, User.Actor(), cancellationToken: cancellationToken);
        }
        catch (InvitationException ex)
        {
            Errors.AddRange(ex.Errors.Select(e => ("send", e)));
            return Page();
        }

        TempData["Message"] = $"{(Kind == EmailKind.Invitation ? "The invitation" : "A new link")} is on its way to {Invitation.Name}. This page shows when it has been sent.";
        return Redirect($"/admin/councils/{Council.Code}?round={Invitation.RoundId}");
    }

    private async Task<bool> LoadAsync(string code, int invitation, CancellationToken cancellationToken)
    {
        if (!await LoadInvitationAsync(code, invitation, cancellationToken))
        {
            return false;
        }

        Kind = await _db.EmailMessages.AnyAsync(m => m.InvitationId == invitation, cancellationToken) ? EmailKind.NewLink : EmailKind.Invitation;
        return true;
    }
}
