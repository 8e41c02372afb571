using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Web.Site;

namespace ReadinessSurvey.Web.Pages.Respond;

/// <summary>
/// The task list: each section's status, the closing date, who is invited (signed in or not), who to
/// contact, what happens next, and the return's history.
/// </summary>
public sealed class IndexModel(ReturnService returns, SubmissionService submissions, ReadinessDbContext db, TimeProvider clock, IOptions<SiteOptions> site)
    : RespondentPageModel(returns)
{
    public IReadOnlyList<SectionProgress> Sections { get; private set; } = [];

    public IReadOnlyList<InvitedPerson> Invited { get; private set; } = [];

    public IReadOnlyList<SubmissionEvent> History { get; private set; } = [];

    public bool Ready { get; private set; }

    public SiteOptions Site => site.Value;

    /// <summary>Why the person was sent here: "saved" after "Save and come back later", "unfinished" from check answers.</summary>
    public string? Notice { get; private set; }

    public int Completed => Sections.Count(s => s.Status == SectionStatus.Completed);

    public int Applicable => Sections.Count(s => s.Status != SectionStatus.NotNeeded);

    public int Left => Applicable - Completed;

    /// <summary>Whole days until the round closes (0 when less than a day is left).</summary>
    public int DaysLeft => Math.Max(0, (int)Math.Floor((Workspace.Round.ClosesAt - clock.GetUtcNow().UtcDateTime).TotalDays));

    public bool IsClosed => Workspace.Round.ClosesAt <= clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(string? notice, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Notice = notice is "saved" or "unfinished" ? notice : null;
        Sections = ReturnProgress.Of(Workspace);
        Ready = Workspace.Return.Status != ReturnStatus.Submitted && ReturnProgress.IsReadyToSubmit(Sections);
        var me = ContributorId;
        Invited = await db.Invitations.AsNoTracking()
            .Where(i => i.RoundId == Workspace.Round.Id && i.CouncilId == Workspace.Council.Id && i.RevokedAt == null)
            .OrderBy(i => i.Name)
            .Select(i => new InvitedPerson(i.Name, i.Role, db.Contributors.Any(c => c.InvitationId == i.Id), db.Contributors.Any(c => c.InvitationId == i.Id && c.Id == me)))
            .ToListAsync(cancellationToken);
        History = await submissions.HistoryAsync(Workspace.Return.Id, cancellationToken);
    }
}

/// <summary>Someone invited to work on the return, and whether they have opened their link yet.</summary>
public sealed record InvitedPerson(string Name, string Role, bool SignedIn, bool IsYou);
