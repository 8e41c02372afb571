namespace ReadinessSurvey.Surveys;

/// <summary>
/// Works out which sections, questions and options are shown, in survey order. A question in a hidden
/// section is hidden, and hidden questions count as unanswered for the conditions after them, so
/// visibility cascades in one pass (conditions may only refer to earlier questions).
/// </summary>
public static class DisplayLogic
{
    public static SurveyVisibility Evaluate(SurveyDefinition definition, CouncilProfile council, AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(answers);

        var sections = new HashSet<string>(StringComparer.Ordinal);
        var questions = new HashSet<string>(StringComparer.Ordinal);
        var options = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var effective = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var scope = new AnswerScope(definition, council, effective, options);

        foreach (var section in definition.Sections)
        {
            var sectionVisible = section.ShowIfCondition?.IsTrue(scope) ?? true;
            if (sectionVisible)
            {
                sections.Add(section.Id);
            }

            foreach (var question in section.Questions)
            {
                if (!sectionVisible || !(question.ShowIfCondition?.IsTrue(scope) ?? true))
                {
                    continue;
                }

                questions.Add(question.Id);
                var visibleOptions = question.Options
                    .Where(o => o.ShowIfCondition?.IsTrue(scope) ?? true)
                    .Select(o => o.Value)
                    .ToList();
                options[question.Id] = visibleOptions;

                if (answers.Get(question.Id) is { } answer && Effective(question, answer, visibleOptions) is { } kept)
                {
                    effective[question.Id] = kept;
                }
            }
        }

        return new SurveyVisibility(sections, questions, options, new AnswerSet(effective));
    }

    private static AnswerValue? Effective(Question question, AnswerValue answer, List<string> visibleOptions)
    {
        if (question.Type is not (QuestionType.SingleChoice or QuestionType.MultipleChoice) || answer.Options is null)
        {
            return answer.IsEmpty ? null : answer;
        }

        // A ticked option that is now hidden no longer counts (e.g. a barrier unticked in I1).
        var kept = answer.Options.Where(v => visibleOptions.Contains(v, StringComparer.Ordinal)).ToList();
        var result = answer with { Options = kept.Count == 0 ? null : kept };
        return result.IsEmpty ? null : result;
    }
}
