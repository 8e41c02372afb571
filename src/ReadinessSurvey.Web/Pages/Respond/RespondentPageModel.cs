using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Web.Respond;

namespace ReadinessSurvey.Web.Pages.Respond;

/// <summary>
/// Base for the respondent's pages: the return comes from the signed-in contributor's claims only,
/// never from the address or the form, so nobody can reach another council's return.
/// </summary>
public abstract class RespondentPageModel(ReturnService returns) : PageModel
{
    public ReturnWorkspace Workspace { get; private set; } = null!;

    protected ReturnService Returns => returns;

    protected int ContributorId => User.Respondent().ContributorId;

    protected async Task LoadAsync(CancellationToken cancellationToken) =>
        Workspace = await returns.LoadAsync(User.Respondent().ReturnId, cancellationToken);
}
