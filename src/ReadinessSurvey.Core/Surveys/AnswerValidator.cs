using System.Globalization;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// Checks answers against a definition: right kind of answer for the type, ranges, whole numbers,
/// options that exist and are offered, lengths, exclusive options alone, and (at submission) required
/// questions. Answers to hidden questions are kept but not checked, so a respondent who changes an earlier
/// answer does not lose later work; scoring ignores them.
/// </summary>
public static class AnswerValidator
{
    public static IReadOnlyList<AnswerError> Validate(
        SurveyDefinition definition, CouncilProfile council, AnswerSet answers, AnswerValidationMode mode)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        var visibility = DisplayLogic.Evaluate(definition, council, answers);
        var errors = new List<AnswerError>();

        foreach (var id in answers.Keys.Where(k => definition.FindQuestion(k) is null).Order(StringComparer.Ordinal))
        {
            errors.Add(new AnswerError(id, "This question is not in the survey"));
        }

        foreach (var question in definition.Questions)
        {
            if (!visibility.IsQuestionVisible(question.Id))
            {
                continue;
            }

            var answer = answers.Get(question.Id);
            var message = answer is null
                ? (mode == AnswerValidationMode.Submission && question.Required && question.Type != QuestionType.Council ? MissingMessage(question) : null)
                : Check(question, answer, visibility);
            if (message is not null)
            {
                errors.Add(new AnswerError(question.Id, message));
            }
        }

        return errors;
    }

    /// <summary>The first problem with one answer, or null when it is acceptable.</summary>
    public static string? Check(Question question, AnswerValue answer, SurveyVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(visibility);

        if (answer.DontKnow && question.DontKnow is null)
        {
            return "Select one of the answers shown";
        }

        return question.Type switch
        {
            QuestionType.SingleChoice => CheckChoices(question, answer, visibility, single: true),
            QuestionType.MultipleChoice => CheckChoices(question, answer, visibility, single: false),
            QuestionType.Likert => answer.DontKnow ? Only(answer, nameof(AnswerValue.DontKnow))
                : answer.Number is { } point && question.Points.Any(p => p.Point == point) && Only(answer, nameof(AnswerValue.Number)) is null
                    ? null : QuestionWording.Select(question),
            QuestionType.YesNo => answer.DontKnow ? Only(answer, nameof(AnswerValue.DontKnow))
                : answer.YesNo is not null && Only(answer, nameof(AnswerValue.YesNo)) is null ? null : QuestionWording.Select(question),
            QuestionType.Number => CheckNumber(question, answer),
            QuestionType.Text or QuestionType.LongText => CheckText(question, answer),
            QuestionType.Council => "The council's details come from the council register and cannot be changed here",
            _ => null,
        };
    }

    private static string? CheckChoices(Question question, AnswerValue answer, SurveyVisibility visibility, bool single)
    {
        var chosen = answer.Options ?? [];
        if (answer.Number is not null || answer.YesNo is not null || answer.Text is not null || answer.DontKnow)
        {
            return single ? "Select one option" : "Select the options that apply";
        }

        if (single && (chosen.Count != 1 || answer.Other is not null))
        {
            return "Select one option";
        }

        if (chosen.Distinct(StringComparer.Ordinal).Count() != chosen.Count)
        {
            return "Select each option only once";
        }

        foreach (var value in chosen)
        {
            // Options hidden by display logic are refused as firmly as ones that do not exist.
            if (question.FindOption(value) is null || !visibility.IsOptionVisible(question.Id, value))
            {
                return "Select an option from the list";
            }
        }

        if (answer.Other is { } other)
        {
            if (question.Other is null)
            {
                return "Select an option from the list";
            }

            if (question.Other.MaxLength is { } max && other.Length > max)
            {
                return $"{question.Other.Label} must be {Format(max)} characters or fewer";
            }
        }

        // "Don't know" stands alone like "None": the page offers both after an "or" divider.
        var exclusive = chosen.Select(question.FindOption).FirstOrDefault(o => o is { Exclusive: true } or { DontKnow: true });
        if (exclusive is not null && (chosen.Count > 1 || !string.IsNullOrWhiteSpace(answer.Other)))
        {
            return $"Select '{exclusive.Label}' or other options, not both";
        }

        if (question.MaxChoices is { } most && chosen.Count + (string.IsNullOrWhiteSpace(answer.Other) ? 0 : 1) > most)
        {
            return most == 1 ? "Select one option only" : $"Select up to {most} options";
        }

        return null;
    }

    private static string? CheckNumber(Question question, AnswerValue answer)
    {
        var name = QuestionWording.NumberName(question);
        if (answer.Number is not { } number || Only(answer, nameof(AnswerValue.Number)) is not null)
        {
            return NotANumberMessage(question);
        }

        if (question.WholeNumber && number != decimal.Truncate(number))
        {
            return $"Enter {name} as a whole number, like 25";
        }

        return (question.Min, question.Max) switch
        {
            ({ } min, { } max) when number < min || number > max => $"Enter {name} as a number between {Format(min)} and {Format(max)}",
            ({ } min, null) when number < min => $"Enter {name} as a number that is {Format(min)} or more",
            (null, { } max) when number > max => $"Enter {name} as a number that is {Format(max)} or less",
            _ => null,
        };
    }

    private static string? CheckText(Question question, AnswerValue answer)
    {
        if (answer.Text is not { } text || Only(answer, nameof(AnswerValue.Text)) is not null)
        {
            return "Enter your answer as text";
        }

        return question.MaxLength is { } max && text.Length > max
            ? $"Answer must be {Format(max)} characters or fewer"
            : null;
    }

    /// <summary>Null when the answer uses only the named member; a message when it mixes kinds.</summary>
    private static string? Only(AnswerValue answer, string member)
    {
        var used = new[]
        {
            (nameof(AnswerValue.Options), answer.Options is { Count: > 0 }),
            (nameof(AnswerValue.Other), answer.Other is not null),
            (nameof(AnswerValue.Number), answer.Number is not null),
            (nameof(AnswerValue.YesNo), answer.YesNo is not null),
            (nameof(AnswerValue.Text), answer.Text is not null),
            (nameof(AnswerValue.DontKnow), answer.DontKnow),
        };
        return used.Any(u => u.Item2 && u.Item1 != member) ? "Give one answer only" : null;
    }

    /// <summary>The GOV.UK message for a required question left empty, naming it: "Select whether councillors are engaged in decisions about AI".</summary>
    public static string MissingMessage(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Type is QuestionType.Number or QuestionType.Text or QuestionType.LongText
            ? QuestionWording.Enter(question)
            : QuestionWording.Select(question);
    }

    /// <summary>The message for a number field holding something that is not a number.</summary>
    public static string NotANumberMessage(Question question) => $"Enter {QuestionWording.NumberName(question)} as a number, like 25";

    private static string Format(decimal value) => value.ToString("#,0.##", CultureInfo.GetCultureInfo("en-GB"));
}
