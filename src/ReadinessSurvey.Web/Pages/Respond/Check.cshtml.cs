using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Pages.Respond;

/// <summary>Check your answers, then the declaration and submission by the signed-in contributor.</summary>
public sealed class CheckModel(ReturnService returns, SubmissionService submissions) : RespondentPageModel(returns)
{
    public IReadOnlyList<(SurveySection Section, IReadOnlyList<Question> Questions)> Sections { get; private set; } = [];

    /// <summary>Answers kept from questions that display logic now hides: not used for scoring.</summary>
    public IReadOnlyList<Question> Hidden { get; private set; } = [];

    public IReadOnlyList<(string Href, string Message)> Errors { get; private set; } = [];

    public string? DeclarationError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (NotHere() is { } elsewhere)
        {
            return elsewhere;
        }

        Build();
        return Page();
    }

    /// <summary>
    /// A submitted return is shown as submitted (the printable record); an unfinished one goes to the task
    /// list, which says how many sections are left, rather than a long list of errors here.
    /// </summary>
    private IActionResult? NotHere()
    {
        if (Workspace.Return.Status == ReturnStatus.Submitted)
        {
            return RedirectToPage("/Respond/Answers");
        }

        if (Workspace.IsReadOnly)
        {
            return RedirectToPage("/Respond/Index");
        }

        return ReturnProgress.IsReadyToSubmit(ReturnProgress.Of(Workspace)) ? null : Redirect("/respond?notice=unfinished");
    }

    public async Task<IActionResult> OnPostAsync(string? declaration, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (NotHere() is { } elsewhere)
        {
            return elsewhere;
        }

        if (declaration != "confirmed")
        {
            DeclarationError = "Confirm that the answers are correct to the best of your knowledge";
            Errors = [("#declaration", DeclarationError)];
            Build();
            return Page();
        }

        var result = await submissions.SubmitAsync(Workspace.Return.Id, ContributorId, cancellationToken);
        if (!result.Submitted)
        {
            Errors = result.Errors.Select(e => (Href(e.QuestionId), Describe(e))).ToList();
            Build();
            return Page();
        }

        return RedirectToPage("/Respond/Confirmation");
    }

    private void Build()
    {
        var visibility = Workspace.Visibility;
        Sections = Workspace.Definition.Sections
            .Where(s => visibility.IsSectionVisible(s.Id))
            .Select(s => (s, (IReadOnlyList<Question>)s.Questions.Where(q => visibility.IsQuestionVisible(q.Id) && q.Type != QuestionType.Council).ToList()))
            .Where(s => s.Item2.Count > 0)
            .ToList();
        Hidden = Workspace.Definition.Questions.Where(q => !visibility.IsQuestionVisible(q.Id) && Workspace.Answers.ContainsKey(q.Id)).ToList();
    }

    private string Href(string questionId) =>
        Workspace.Definition.FindQuestion(questionId) is { } q
            ? $"/respond/section/{Workspace.Definition.SectionOf(q).Id.ToLowerInvariant()}#q-{q.Id}"
            : "#main-content";

    // Messages name their question ("Select whether councillors are engaged in decisions about AI").
    private static string Describe(AnswerError error) => error.Message;
}
