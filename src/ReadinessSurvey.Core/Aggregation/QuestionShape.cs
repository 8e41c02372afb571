namespace ReadinessSurvey.Aggregation;

/// <summary>
/// What aggregation needs to know of a question, filled in by the caller from the survey definition.
/// </summary>
/// <param name="Id">The question's stable id, e.g. "B1".</param>
/// <param name="Kind">One of <see cref="QuestionKinds"/>.</param>
/// <param name="Options">The option values in display order (for choice questions; Likert points as "1".."5").</param>
public sealed record QuestionShape(string Id, string Kind, IReadOnlyList<string> Options)
{
    /// <summary>
    /// Options of a multiple-choice question that the questionnaire shows only to some councils (they have
    /// their own display condition): each is counted with its own base, the councils that answered and were shown it.
    /// </summary>
    public IReadOnlyList<string> ShownToSome { get; init; } = [];

    public static QuestionShape Number(string id) => new(id, QuestionKinds.Number, []);
}

/// <summary>Question kinds aggregation knows how to count.</summary>
public static class QuestionKinds
{
    /// <summary>One option.</summary>
    public const string SingleChoice = "single";

    /// <summary>"yes" or "no".</summary>
    public const string YesNo = "yesno";

    /// <summary>A point on a scale.</summary>
    public const string Likert = "likert";

    /// <summary>Several options; each ticked option counted.</summary>
    public const string Multiple = "multi";

    /// <summary>A number; its statistics.</summary>
    public const string Number = "number";

    /// <summary>Free text: accepted so a caller can pass every question, but not aggregated.</summary>
    public const string Text = "text";

    public static bool IsChoice(string kind) => kind is SingleChoice or YesNo or Likert;

    public static bool IsKnown(string kind) => IsChoice(kind) || kind is Multiple or Number or Text;
}
