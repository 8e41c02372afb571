using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Admin;
using ReadinessSurvey.Web.Pages.Account;

namespace ReadinessSurvey.Web.Pages.Admin.Councils;

/// <summary>
/// New links for everyone on the (filtered) chase list, as a mail-merge CSV. Only hashes of links are
/// stored, so a chase email can carry a link only if the link is made again: this reissues each
/// invitation (the old link stops working, the person keeps their place as the same contributor) and the
/// response is the one copy of the new links. Asked first, because the old links stop at once.
/// </summary>
public sealed class ChaseReissueModel(ReadinessDbContext db, InvitationService invitations, AuditLog audit, IConfiguration configuration, TimeProvider clock)
    : CouncilListModel(db)
{
    private readonly ReadinessDbContext _db = db;

    public override IReadOnlyList<CouncilRoundState> StateChoices => [.. CouncilStatusFilter.ChaseStates];

    public IReadOnlyList<Invitation> People { get; private set; } = [];

    public FormErrors Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Chosen is null)
        {
            return NotFound();
        }

        People = await ChaseList.InvitationsAsync(_db, Chosen.Id, Rows, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Chosen is null)
        {
            return NotFound();
        }

        People = await ChaseList.InvitationsAsync(_db, Chosen.Id, Rows, cancellationToken);
        if (Chosen.Status != RoundStatus.Open || People.Count == 0)
        {
            Errors.Add("reissue", Chosen.Status != RoundStatus.Open ? "The round is not open, so links cannot be reissued" : "There is nobody on the chase list with these filters");
            return Page();
        }

        IReadOnlyList<IssuedInvitation> issued;
        try
        {
            issued = await invitations.ReissueManyAsync(People.Select(p => p.Id).ToList(), User.Actor(), cancellationToken);
        }
        catch (InvitationException ex)
        {
            Errors.AddRange(ex.Errors.Select(e => ("reissue", e)));
            return Page();
        }

        audit.Record(User.Actor(), "invitation-links.downloaded", $"round:{Chosen.Id}", $"chase list: {issued.Count} reissued links");
        await _db.SaveChangesAsync(cancellationToken);
        return await InvitationLinks.CsvAsync(Response, issued, InvitationLinks.BaseUrl(configuration), $"chase-links-round-{Chosen.Id}-{clock.GetUtcNow():yyyy-MM-dd-HHmm}.csv");
    }
}
