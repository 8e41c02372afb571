using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Web.Pages.Admin.Rounds;

/// <summary>One council's return: its status, who has contributed, and every submission and reopening.</summary>
public sealed class ReturnModel(ReadinessDbContext db, SubmissionService submissions) : PageModel
{
    public CouncilReturn Return { get; private set; } = null!;

    public IReadOnlyList<Contributor> Contributors { get; private set; } = [];

    public IReadOnlyList<SubmissionEvent> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string code, CancellationToken cancellationToken)
    {
        var found = await ReturnLookup.FindAsync(db, id, code, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Return = found;
        Contributors = await db.Contributors.AsNoTracking().Where(c => c.ReturnId == found.Id).OrderBy(c => c.FirstSeenAt).ToListAsync(cancellationToken);
        History = await submissions.HistoryAsync(found.Id, cancellationToken);
        return Page();
    }
}
