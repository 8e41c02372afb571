namespace ReadinessSurvey.Surveys;

/// <summary>
/// Which questions of a section a single-choice answer on the same page shows or hides, so the page can
/// reveal them at once with JavaScript (without it, the server shows them after a save). Worked out by
/// trying each option of the controlling question against display logic with the other answers as they
/// are, so any condition the definition can state is honoured, not only simple equality.
/// </summary>
public static class RevealRules
{
    public static IReadOnlyDictionary<string, RevealRule> For(SurveyDefinition definition, CouncilProfile council, AnswerSet answers, SurveySection section)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(section);
        var rules = new Dictionary<string, RevealRule>(StringComparer.Ordinal);
        for (var i = 0; i < section.Questions.Count; i++)
        {
            var question = section.Questions[i];
            if (question.ShowIf is not { } showIf)
            {
                continue;
            }

            var controller = section.Questions.Take(i).FirstOrDefault(c => c.Type == QuestionType.SingleChoice &&
                (showIf.Contains($"[{c.Id}]", StringComparison.Ordinal) || showIf.Contains($"[{c.Id}.", StringComparison.Ordinal)));
            if (controller is null)
            {
                continue;
            }

            var values = controller.Options
                .Where(o => DisplayLogic.Evaluate(definition, council, answers.With(controller.Id, AnswerValue.Choice(o.Value))).IsQuestionVisible(question.Id))
                .Select(o => o.Value)
                .ToList();
            var whenEmpty = DisplayLogic.Evaluate(definition, council, answers.Without(controller.Id)).IsQuestionVisible(question.Id);
            rules[question.Id] = new RevealRule(controller.Id, values, whenEmpty);
        }

        return rules;
    }
}

/// <summary>A question is shown while its controlling question's answer is one of <paramref name="Values"/> (or, with <paramref name="WhenEmpty"/>, unanswered).</summary>
public sealed record RevealRule(string ControllerId, IReadOnlyList<string> Values, bool WhenEmpty);
