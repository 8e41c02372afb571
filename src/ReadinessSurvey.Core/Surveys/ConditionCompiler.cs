namespace ReadinessSurvey.Surveys;

/// <summary>
/// Parses every showIf once, checks it, and attaches the compiled form to its section, question or option,
/// so evaluation never parses text again.
/// </summary>
internal static class ConditionCompiler
{
    public static IReadOnlyList<(string Path, string Message)> Compile(SurveyDefinition definition)
    {
        var errors = new List<(string Path, string Message)>();
        var cache = new Dictionary<string, (Condition? Condition, string? Error)>(StringComparer.Ordinal);
        var order = 0;
        for (var s = 0; s < definition.Sections.Count; s++)
        {
            var section = definition.Sections[s];
            var sectionPath = JsonLineMap.Index("$.sections", s);

            // A section may only depend on questions before its first question.
            section.ShowIfCondition = Compile(section.ShowIf, new ConditionOwner(null, order), sectionPath + ".showIf");
            for (var q = 0; q < section.Questions.Count; q++, order++)
            {
                var question = section.Questions[q];
                var path = JsonLineMap.Index(sectionPath + ".questions", q);
                var owner = new ConditionOwner(question.Id, order);
                question.ShowIfCondition = Compile(question.ShowIf, owner, path + ".showIf");
                for (var o = 0; o < question.Options.Count; o++)
                {
                    var option = question.Options[o];
                    option.ShowIfCondition = Compile(option.ShowIf, owner, JsonLineMap.Index(path + ".options", o) + ".showIf");
                }
            }
        }

        return errors;

        Condition? Compile(string? text, ConditionOwner owner, string path)
        {
            if (text is null)
            {
                return null;
            }

            // Parsing is cached by text; checking is not, because the same text may be fine in one place only.
            if (!cache.TryGetValue(text, out var parsed))
            {
                parsed = (Condition.TryParse(text, out var parseError), parseError);
                cache[text] = parsed;
            }

            if (parsed.Condition is not { } condition)
            {
                errors.Add((path, parsed.Error ?? "The condition could not be read."));
                return null;
            }

            var problems = ConditionChecker.Check(condition, definition, owner);
            errors.AddRange(problems.Select(p => (path, p)));
            return problems.Count == 0 ? condition : null;
        }
    }
}
