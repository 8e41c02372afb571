using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Web.Pages.Respond;

/// <summary>The task list: each section's status, who is contributing, and the return's history.</summary>
public sealed class IndexModel(ReturnService returns, SubmissionService submissions, ReadinessDbContext db) : RespondentPageModel(returns)
{
    public IReadOnlyList<SectionProgress> Sections { get; private set; } = [];

    public IReadOnlyList<Contributor> Contributors { get; private set; } = [];

    public IReadOnlyList<SubmissionEvent> History { get; private set; } = [];

    public bool Ready { get; private set; }

    public int Completed => Sections.Count(s => s.Status == SectionStatus.Completed);

    public int Applicable => Sections.Count(s => s.Status != SectionStatus.NotNeeded);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Sections = ReturnProgress.Of(Workspace);
        Ready = Workspace.Return.Status != ReturnStatus.Submitted && ReturnProgress.IsReadyToSubmit(Sections);
        Contributors = await db.Contributors.AsNoTracking().Where(c => c.ReturnId == Workspace.Return.Id).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        History = await submissions.HistoryAsync(Workspace.Return.Id, cancellationToken);
    }
}
