using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Responses;

/// <summary>
/// What a save may store (pure: no database). Every change is checked against the definition's rules
/// with the save's own answers applied, so a page and a crafted post are judged alike. A change to a
/// question that those answers hide is not accepted but is no error either: changing B1 to "Not using AI"
/// must save even though the page still posts B2, and a crafted <c>q-B4=7</c> must store nothing. The
/// stored answer of a hidden question is kept (nobody loses work); it simply stops counting.
/// </summary>
public static class SaveCheck
{
    /// <summary>The changes' errors, what the answers with the changes applied show and hide, and the changes that apply.</summary>
    public static (List<AnswerError> Errors, SurveyVisibility Visibility, IReadOnlyList<AnswerChange> Applicable) Check(
        SurveyDefinition definition, CouncilProfile council, AnswerSet stored, IReadOnlyList<AnswerChange> changes)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(changes);
        var errors = new List<AnswerError>();
        var merged = stored;
        foreach (var change in changes)
        {
            if (definition.FindQuestion(change.QuestionId) is not { } question || question.Type == QuestionType.Council)
            {
                errors.Add(new AnswerError(change.QuestionId, "This question is not in the survey"));
                continue;
            }

            merged = change.Value is null ? merged.Without(change.QuestionId) : merged.With(change.QuestionId, change.Value);
        }

        // Hidden questions count as unanswered in conditions, so what a hidden answer holds never changes
        // what is shown: one evaluation with every change applied is the visibility of the applicable ones too.
        var visibility = DisplayLogic.Evaluate(definition, council, merged);
        var applicable = changes.Where(c => errors.All(e => e.QuestionId != c.QuestionId) && visibility.IsQuestionVisible(c.QuestionId)).ToList();
        foreach (var change in applicable.Where(c => c.Value is not null))
        {
            var question = definition.FindQuestion(change.QuestionId)!;
            if (AnswerValidator.Check(question, change.Value!, visibility) is { } message)
            {
                errors.Add(new AnswerError(change.QuestionId, message));
            }
        }

        return (errors, visibility, applicable);
    }
}
