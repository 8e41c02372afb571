using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Responses;

/// <summary>Where each section of a return stands, for the task list.</summary>
public static class ReturnProgress
{
    public static IReadOnlyList<SectionProgress> Of(ReturnWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var visibility = workspace.Visibility;
        var result = new List<SectionProgress>();
        var earlierComplete = true;
        foreach (var section in workspace.Definition.Sections)
        {
            var questions = section.Questions.Where(q => q.Type != QuestionType.Council && visibility.IsQuestionVisible(q.Id)).ToList();
            SectionStatus status;
            if (!visibility.IsSectionVisible(section.Id) || questions.Count == 0)
            {
                // Hidden by display logic: it may still appear once earlier answers are given.
                status = earlierComplete ? SectionStatus.NotNeeded : SectionStatus.CannotStartYet;
            }
            else
            {
                var answered = questions.Count(q => visibility.EffectiveAnswers.ContainsKey(q.Id));
                var required = questions.Where(q => q.Required).ToList();
                status = answered == 0 ? SectionStatus.NotStarted
                    : required.All(q => visibility.EffectiveAnswers.ContainsKey(q.Id)) ? SectionStatus.Completed
                    : SectionStatus.InProgress;
            }

            earlierComplete &= status is SectionStatus.Completed or SectionStatus.NotNeeded;
            result.Add(new SectionProgress(section, status, questions.Count));
        }

        return result;
    }

    /// <summary>True when every section that applies is complete, so the return can be checked and submitted.</summary>
    public static bool IsReadyToSubmit(IReadOnlyList<SectionProgress> sections) =>
        sections.All(s => s.Status is SectionStatus.Completed or SectionStatus.NotNeeded);
}

/// <summary>A section's place in the task list.</summary>
public sealed record SectionProgress(SurveySection Section, SectionStatus Status, int VisibleQuestions);

/// <summary>Task list statuses, as in the GOV.UK task list pattern.</summary>
public enum SectionStatus
{
    NotStarted,
    InProgress,
    Completed,
    CannotStartYet,
    NotNeeded,
}
