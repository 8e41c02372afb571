using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
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

    /// <summary>Carries on with the answers a save has just stored, without reading them back.</summary>
    protected void UseAnswers(AnswerSet answers, SurveyVisibility? visibility = null) => Workspace = Workspace.WithAnswers(answers, visibility);

    protected async Task LoadAsync(CancellationToken cancellationToken) =>
        Workspace = await returns.LoadAsync(User.Respondent().ReturnId, ContributorId, cancellationToken);
}
