using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Pages.Respond;

/// <summary>
/// The council's return as submitted, to keep or print: every answer from the latest submission record
/// (which holds only the answers that applied), who submitted it and when.
/// </summary>
public sealed class AnswersModel(ReturnService returns, SubmissionService submissions) : RespondentPageModel(returns)
{
    public SubmissionEvent Submission { get; private set; } = null!;

    public AnswerSet Submitted { get; private set; } = AnswerSet.Empty;

    public IReadOnlyList<(SurveySection Section, IReadOnlyList<Question> Questions)> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var history = await submissions.HistoryAsync(Workspace.Return.Id, cancellationToken);
        if (Workspace.Return.Status != ReturnStatus.Submitted || history.LastOrDefault(e => e.Kind == SubmissionEventKind.Submitted) is not { } latest)
        {
            return RedirectToPage("/Respond/Index");
        }

        Submission = latest;
        Submitted = latest.AnswersJson is { } json ? AnswerSet.FromJson(json) : Workspace.Visibility.EffectiveAnswers;
        Sections = Workspace.Definition.Sections
            .Select(s => (s, (IReadOnlyList<Question>)s.Questions.Where(q => q.Type == QuestionType.Council || Submitted.ContainsKey(q.Id)).ToList()))
            .Where(s => s.Item2.Any(q => q.Type != QuestionType.Council))
            .ToList();
        return Page();
    }
}
