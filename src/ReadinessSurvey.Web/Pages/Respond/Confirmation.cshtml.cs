using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Scoring;

namespace ReadinessSurvey.Web.Pages.Respond;

/// <summary>After submission: confirmation and the council's readiness profile.</summary>
public sealed class ConfirmationModel(ReturnService returns, SubmissionService submissions) : RespondentPageModel(returns)
{
    public ReadinessProfile? Profile { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Workspace.Return.Status != ReturnStatus.Submitted)
        {
            return RedirectToPage("/Respond/Index");
        }

        Profile = await submissions.LatestProfileAsync(Workspace.Return.Id, cancellationToken);
        return Page();
    }
}
