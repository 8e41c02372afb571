using System.Globalization;
using Microsoft.Extensions.Primitives;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Respond;

/// <summary>
/// Reads a section page's form into answer changes. Field names: <c>q-{id}</c> for the value,
/// <c>q-{id}-other</c> for "other, please specify", <c>v-{id}</c> for the version the person saw.
/// A question takes part only when its version field is present (it was on the page). Anything else in
/// the form, or an answer to a question outside the section, is tampering and refuses the whole post.
/// </summary>
public sealed class SectionForm
{
    public const string DontKnowValue = Responses.AnswerStorage.DontKnowCode;
    private static readonly HashSet<string> s_allowedExtras = new(StringComparer.Ordinal) { "__RequestVerificationToken", "next" };

    private SectionForm(List<AnswerChange> changes, Dictionary<string, string> errors, Dictionary<string, string> rawNumbers, string? tampering)
    {
        Changes = changes;
        Errors = errors;
        RawNumbers = rawNumbers;
        Tampering = tampering;
    }

    public IReadOnlyList<AnswerChange> Changes { get; }

    /// <summary>Values that could not be read at all (e.g. "ten" for a number), by question id.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    /// <summary>What was typed into number fields, to show back when it was not a number.</summary>
    public IReadOnlyDictionary<string, string> RawNumbers { get; }

    /// <summary>Why the post cannot be accepted at all, or null.</summary>
    public string? Tampering { get; }

    public static SectionForm Read(IFormCollection form, SurveySection section)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(section);
        var questions = section.Questions.Where(q => q.Type != QuestionType.Council).ToDictionary(q => q.Id, StringComparer.Ordinal);
        var changes = new List<AnswerChange>();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var key in form.Keys)
        {
            if (!s_allowedExtras.Contains(key) && !IsQuestionField(key, questions))
            {
                return new SectionForm([], errors, raw, $"The form included a field ('{Shorten(key)}') that is not part of this page.");
            }
        }

        foreach (var question in questions.Values)
        {
            if (!form.TryGetValue("v-" + question.Id, out var versionText))
            {
                continue;
            }

            if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return new SectionForm([], errors, raw, $"The form's version for question {question.Id} is not a number.");
            }

            var values = form["q-" + question.Id];
            var other = form["q-" + question.Id + "-other"].ToString().Trim();
            var value = Parse(question, values, other, out var error, out var typed);
            if (typed is not null)
            {
                raw[question.Id] = typed;
            }

            if (error is not null)
            {
                errors[question.Id] = error;
                continue;
            }

            changes.Add(new AnswerChange(question.Id, value, version));
        }

        return new SectionForm(changes, errors, raw, null);
    }

    private static AnswerValue? Parse(Question question, StringValues values, string other, out string? error, out string? typed)
    {
        error = null;
        typed = null;
        var first = values.Count > 0 ? values[0]?.Trim() ?? "" : "";
        if (question.Type != QuestionType.MultipleChoice && values.Count > 1)
        {
            error = question.Type == QuestionType.Likert ? "Select one point on the scale" : "Select one option";
            return null;
        }

        switch (question.Type)
        {
            case QuestionType.SingleChoice:
                return first.Length == 0 ? null : AnswerValue.Choice(first);
            case QuestionType.MultipleChoice:
                var ticked = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToArray();
                return ticked.Length == 0 && other.Length == 0 ? null
                    : new AnswerValue { Options = ticked.Length == 0 ? null : ticked, Other = other.Length == 0 ? null : other };
            case QuestionType.Likert:
                if (first.Length == 0)
                {
                    return null;
                }

                if (first == DontKnowValue)
                {
                    return AnswerValue.DontKnowAnswer;
                }

                if (int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var point))
                {
                    return AnswerValue.Of(point);
                }

                error = QuestionWording.Select(question);
                return null;
            case QuestionType.YesNo:
                return first switch
                {
                    "" => null,
                    "yes" => AnswerValue.Of(true),
                    "no" => AnswerValue.Of(false),
                    DontKnowValue => AnswerValue.DontKnowAnswer,
                    _ => Fail(out error, QuestionWording.Select(question)),
                };
            case QuestionType.Number:
                typed = first;
                var cleaned = first.Replace(",", "", StringComparison.Ordinal).Replace("£", "", StringComparison.Ordinal).TrimEnd('%').Trim();
                if (cleaned.Length == 0)
                {
                    return null;
                }

                if (cleaned.Length <= 30 && decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return AnswerValue.Of(number);
                }

                error = AnswerValidator.NotANumberMessage(question);
                return null;
            default:
                return first.Length == 0 ? null : AnswerValue.OfText(values[0]!.Trim());
        }
    }

    private static AnswerValue? Fail(out string? error, string message)
    {
        error = message;
        return null;
    }

    private static bool IsQuestionField(string key, Dictionary<string, Question> questions)
    {
        if (key.StartsWith("v-", StringComparison.Ordinal))
        {
            return questions.ContainsKey(key[2..]);
        }

        if (!key.StartsWith("q-", StringComparison.Ordinal))
        {
            return false;
        }

        var id = key[2..];
        if (questions.ContainsKey(id))
        {
            return true;
        }

        return id.EndsWith("-other", StringComparison.Ordinal) && questions.TryGetValue(id[..^6], out var q) && q.Other is not null;
    }

    private static string Shorten(string key) => key.Length <= 40 ? key : key[..40] + "...";
}
