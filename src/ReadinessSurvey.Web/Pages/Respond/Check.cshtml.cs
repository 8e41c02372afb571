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
        Build();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? declaration, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Workspace.IsReadOnly)
        {
            return RedirectToPage("/Respond/Index");
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

    private string Describe(AnswerError error) =>
        Workspace.Definition.FindQuestion(error.QuestionId) is { } q ? $"{q.Text}: {error.Message}" : error.Message;
}
