using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Web.Respond;

namespace ReadinessSurvey.Web.Pages.Respond;

/// <summary>
/// One section of the return. Display logic runs on the server: after a save, questions that the new
/// answers bring into view are shown on the same page, so the journey works without JavaScript.
/// </summary>
public sealed class SectionModel(ReturnService returns) : RespondentPageModel(returns)
{
    public SurveySection Section { get; private set; } = null!;

    public IReadOnlyList<QuestionView> Questions { get; private set; } = [];

    public IReadOnlyList<(string Id, string Message)> Errors { get; private set; } = [];

    public bool HasConflicts { get; private set; }

    public bool AddedQuestions { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!FindSection(id))
        {
            return NotFound();
        }

        if (!Workspace.Visibility.IsSectionVisible(Section.Id))
        {
            return RedirectToPage("/Respond/Index");
        }

        Questions = Build(null, null, null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? next, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!FindSection(id))
        {
            return NotFound();
        }

        if (Workspace.IsReadOnly)
        {
            Problem = "This return has been submitted, so it can no longer be changed. Ask the LGA's policy team if it needs to be reopened.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            Questions = Build(null, null, null);
            return Page();
        }

        var form = SectionForm.Read(Request.Form, Section);
        if (form.Tampering is not null)
        {
            Problem = form.Tampering + " Nothing was saved. Reload the page and try again.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Questions = Build(null, null, null);
            return Page();
        }

        var posted = form.Changes.ToDictionary(c => c.QuestionId, c => c.Value, StringComparer.Ordinal);
        if (form.Errors.Count > 0)
        {
            return Redisplay(posted, form, form.Errors, null);
        }

        var visibleBefore = Workspace.Visibility;
        var result = await Returns.SaveAsync(Workspace, ContributorId, form.Changes, cancellationToken);
        switch (result.Status)
        {
            case SaveStatus.Invalid:
                return Redisplay(posted, form, result.Errors.ToDictionary(e => e.QuestionId, e => e.Message, StringComparer.Ordinal), null);
            case SaveStatus.Conflict:
                // The same page with both versions, as 409: the posted answers were not saved.
                HasConflicts = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Redisplay(posted, form, new Dictionary<string, string>(), result.Conflicts.ToDictionary(c => c.QuestionId, StringComparer.Ordinal));
            case SaveStatus.ReadOnly:
                return RedirectToPage("/Respond/Index");
        }

        // The saved answers decide what comes next; only a page shown again needs a fresh read.
        UseAnswers(result.Answers!, result.Visibility);
        var visibleAfter = Workspace.Visibility;
        // Questions revealed on the page (JavaScript) were posted with the save; only others are "added".
        var added = Section.Questions.Any(q => visibleAfter.IsQuestionVisible(q.Id) && !visibleBefore.IsQuestionVisible(q.Id) && !posted.ContainsKey(q.Id));
        if (added && visibleAfter.IsSectionVisible(Section.Id))
        {
            await LoadAsync(cancellationToken);
            AddedQuestions = true;
            Questions = Build(null, null, null);
            return Page();
        }

        if (next == "later")
        {
            return Redirect("/respond?notice=saved");
        }

        return NextPage();
    }

    private PageResult Redisplay(Dictionary<string, AnswerValue?> posted, SectionForm form, IReadOnlyDictionary<string, string> errors, IReadOnlyDictionary<string, AnswerConflict>? conflicts)
    {
        Errors = Section.Questions.Where(q => errors.ContainsKey(q.Id)).Select(q => ("q-" + q.Id, errors[q.Id])).ToList();
        if (conflicts is not null)
        {
            Errors = conflicts.Keys.Select(k => ("q-" + k, "Someone else changed this answer while you were editing. Check it and save again.")).ToList();
        }

        Questions = Build(posted, form.RawNumbers, errors, conflicts);
        return Page();
    }

    private IActionResult NextPage()
    {
        var sections = ReturnProgress.Of(Workspace);
        var index = sections.ToList().FindIndex(s => s.Section.Id == Section.Id);
        var next = sections.Skip(index + 1).FirstOrDefault(s => s.Status is not (SectionStatus.NotNeeded or SectionStatus.CannotStartYet));
        if (next is not null)
        {
            return Redirect($"/respond/section/{next.Section.Id.ToLowerInvariant()}");
        }

        return ReturnProgress.IsReadyToSubmit(sections) ? RedirectToPage("/Respond/Check") : RedirectToPage("/Respond/Index");
    }

    private bool FindSection(string id)
    {
        Section = Workspace.Definition.Sections.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))!;
        return Section is not null;
    }

    private List<QuestionView> Build(
        Dictionary<string, AnswerValue?>? posted, IReadOnlyDictionary<string, string>? raw, IReadOnlyDictionary<string, string>? errors,
        IReadOnlyDictionary<string, AnswerConflict>? conflicts = null)
    {
        var visibility = Workspace.Visibility;

        // Questions an answer on this page reveals are on the page, hidden and disabled, for JavaScript to show at once.
        var reveal = Workspace.IsReadOnly ? new Dictionary<string, RevealRule>() : RevealRules.For(Workspace.Definition, Workspace.Profile, Workspace.Answers, Section);
        return Section.Questions
            .Where(q => visibility.IsQuestionVisible(q.Id) || posted?.ContainsKey(q.Id) == true || reveal.ContainsKey(q.Id))
            .Select(q =>
            {
                var conflict = conflicts?.GetValueOrDefault(q.Id);
                AnswerValue? value = posted is not null && posted.TryGetValue(q.Id, out var p) ? p : Workspace.Answers.Get(q.Id);
                var concealed = !visibility.IsQuestionVisible(q.Id) && posted?.ContainsKey(q.Id) != true;
                return new QuestionView
                {
                    Question = q,
                    Reveal = reveal.GetValueOrDefault(q.Id),
                    Concealed = concealed,
                    Options = q.Options.Where(o => (concealed ? o.ShowIf is null : visibility.IsOptionVisible(q.Id, o.Value)) || value?.Options?.Contains(o.Value) == true).ToList(),
                    Value = value,
                    RawNumber = raw?.GetValueOrDefault(q.Id),
                    Error = errors?.GetValueOrDefault(q.Id) ?? (conflict is null ? null : "Someone else changed this answer while you were editing"),
                    Info = Workspace.Info.GetValueOrDefault(q.Id),
                    ViewerId = ContributorId,
                    Conflict = conflict,
                    Version = conflict?.CurrentVersion ?? Workspace.VersionOf(q.Id),
                    ReadOnly = Workspace.IsReadOnly,
                    Council = q.Type == QuestionType.Council ? Workspace.Profile : null,
                };
            })
            .ToList();
    }
}
