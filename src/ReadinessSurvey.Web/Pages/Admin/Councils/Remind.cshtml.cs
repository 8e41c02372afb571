using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Data;
using ReadinessSurvey.Email;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Web.Accounts;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>
/// Asks, then emails a reminder to everyone who can still take part at the councils on the (filtered) chase
/// list. Councils that submit in the meantime, and revoked invitations, get nothing. Audited by the outbox.
/// </summary>
public sealed class RemindModel(ReadinessDbContext db, EmailOutbox outbox) : CouncilListModel(db)
{
    public override IReadOnlyList<CouncilRoundState> StateChoices => [.. CouncilStatusFilter.ChaseStates];

    public int People { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Chosen is null)
        {
            return NotFound();
        }

        People = (await outbox.RemindableAsync(Chosen.Id, Councils(), cancellationToken)).Count;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Chosen is null)
        {
            return NotFound();
        }

        var queued = Chosen.Status == RoundStatus.Open ? await outbox.RemindAsync(Chosen.Id, Councils(), User.Actor(), cancellationToken) : [];
        TempData["Message"] = queued.Count == 0
            ? "Nobody was sent a reminder: nobody on this list can still take part."
            : $"Reminders are on their way to {queued.Count} {(queued.Count == 1 ? "person" : "people")}. Each council's page shows when they have been sent.";
        return Redirect($"/admin/councils/chase?{QueryString}");
    }

    private List<int> Councils() => [.. Rows.Select(r => r.CouncilId)];
}
