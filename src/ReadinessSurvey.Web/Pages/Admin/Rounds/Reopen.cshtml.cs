using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Pages.Account;

namespace ReadinessSurvey.Web.Pages.Admin.Rounds;

/// <summary>
/// Asks for a reason, then reopens a submitted return (<see cref="SubmissionService.ReopenAsync"/>): its
/// contributors can change it again, and it leaves the aggregates until it is submitted again.
/// </summary>
public sealed class ReopenModel(ReadinessDbContext db, SubmissionService submissions) : PageModel
{
    public const int MaxReasonLength = 1000;

    public CouncilReturn Return { get; private set; } = null!;

    public FormErrors Errors { get; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string code, CancellationToken cancellationToken)
    {
        var found = await ReturnLookup.FindAsync(db, id, code, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Return = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string code, CancellationToken cancellationToken)
    {
        var found = await ReturnLookup.FindAsync(db, id, code, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Return = found;
        if (string.IsNullOrWhiteSpace(Reason))
        {
            Errors.Add("reason", "Enter the reason for reopening the return");
        }
        else if (Reason.Length > MaxReasonLength)
        {
            Errors.Add("reason", $"The reason must be {MaxReasonLength} characters or fewer");
        }
        else if (found.Round!.Status == RoundStatus.Closed)
        {
            Errors.Add("reason", "The round is closed, so nobody could change the return");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        try
        {
            await submissions.ReopenAsync(found.Id, User.Actor(), Reason!, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            Errors.Add("reason", ex.Message);
            return Page();
        }

        TempData["Message"] = $"The return of {found.Council!.Name} is open for changes again.";
        return Redirect($"/admin/rounds/{id}/returns/{found.Council.Code}");
    }
}
