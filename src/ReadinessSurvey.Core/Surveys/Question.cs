using System.Text.Json.Serialization;

namespace ReadinessSurvey.Surveys;

/// <summary>The kinds of question a definition may hold.</summary>
public enum QuestionType
{
    SingleChoice,
    MultipleChoice,
    Likert,
    YesNo,
    Number,
    Text,
    LongText,

    /// <summary>The council's own profile: filled from the register, never typed by the respondent.</summary>
    Council,
}

/// <summary>Whom a question is about: the council (one answer per return) or each contributor (their own answer).</summary>
public enum QuestionAbout
{
    Council,

    /// <summary>
    /// A personal question such as the respondent's role: each colleague answers for themselves, the answers
    /// are kept per contributor, never in the council's return, and count in no statistic about councils.
    /// </summary>
    Contributor,
}

/// <summary>
/// One question. A single class carries the properties of every <see cref="QuestionType"/>;
/// the JSON Schema says which apply to which type.
/// </summary>
public sealed class Question
{
    /// <summary>Stable id such as "B1". Answers are stored against it, so it never changes.</summary>
    public string Id { get; init; } = "";

    public QuestionType Type { get; init; }

    public string Text { get; init; } = "";

    public string? Hint { get; init; }

    /// <summary>
    /// Whether sign-off needs an answer when the question is visible. Defaults to true because
    /// most questions feed scores; optional questions must say so.
    /// </summary>
    public bool Required { get; init; } = true;

    public string? ShowIf { get; init; }

    /// <summary>Whom the question is about; <see cref="QuestionAbout.Council"/> unless the definition says "contributor".</summary>
    public QuestionAbout About { get; init; }

    /// <summary>True for a personal question, answered by each contributor for themselves.</summary>
    [JsonIgnore]
    public bool IsAboutContributor => About == QuestionAbout.Contributor;

    /// <summary>Scoring dimension id; null for unscored questions.</summary>
    public string? Dimension { get; init; }

    public decimal Weight { get; init; } = 1m;

    /// <summary>When true, points become 4 minus points (agreeing with a negative statement scores low).</summary>
    public bool Reverse { get; init; }

    public IReadOnlyList<QuestionOption> Options { get; init; } = [];

    /// <summary>Free-text "Other" answer of a multiple-choice question.</summary>
    public OtherOption? Other { get; init; }

    /// <summary>Multiple-choice questions: the most options that may be ticked ("Other" counts as one); null for no limit.</summary>
    public int? MaxChoices { get; init; }

    /// <summary>"breadth" for multiple-choice questions scored on how many options are ticked.</summary>
    public string? Scoring { get; init; }

    /// <summary>Bands that turn a number (or a breadth count) into 0-4 points. First match wins.</summary>
    public IReadOnlyList<ScoreBand>? Bands { get; init; }

    /// <summary>Likert scale points in display order, lowest first.</summary>
    public IReadOnlyList<LikertPoint> Points { get; init; } = [];

    /// <summary>Label of the "Don't know" answer of a likert or yes/no question; null when not offered.</summary>
    public string? DontKnow { get; init; }

    public decimal YesScore { get; init; } = 4m;

    public decimal NoScore { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public string? Unit { get; init; }

    /// <summary>Number questions: only whole numbers are accepted.</summary>
    [JsonPropertyName("integer")]
    public bool WholeNumber { get; init; }

    /// <summary>Text questions: the longest answer accepted.</summary>
    public int? MaxLength { get; init; }

    /// <summary>True when the question feeds a dimension score.</summary>
    [JsonIgnore]
    public bool IsScored => Dimension is not null;

    [JsonIgnore]
    public bool IsBreadthScored => string.Equals(Scoring, "breadth", StringComparison.Ordinal);

    /// <summary>The option with this value, or null.</summary>
    public QuestionOption? FindOption(string value) =>
        Options.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.Ordinal));

    [JsonIgnore]
    internal Condition? ShowIfCondition { get; set; }
}

/// <summary>A choice of a single- or multiple-choice question.</summary>
public sealed class QuestionOption
{
    /// <summary>Stable code stored in answers; the label may be reworded, the value may not.</summary>
    public string Value { get; init; } = "";

    public string Label { get; init; } = "";

    /// <summary>Points (0-4) for single-choice scoring; null for unscored options.</summary>
    public decimal? Score { get; init; }

    /// <summary>"Don't know" style options: accepted, but excluded from scoring.</summary>
    public bool DontKnow { get; init; }

    /// <summary>An option such as "None" that cannot be ticked with any other.</summary>
    public bool Exclusive { get; init; }

    public string? ShowIf { get; init; }

    [JsonIgnore]
    internal Condition? ShowIfCondition { get; set; }
}

/// <summary>The free-text "Other, please specify" box of a multiple-choice question.</summary>
public sealed class OtherOption
{
    public string Label { get; init; } = "";

    public int? MaxLength { get; init; }
}

/// <summary>A closed interval of values (either end optional) and the points it earns.</summary>
public sealed class ScoreBand
{
    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public decimal Score { get; init; }

    public bool Contains(decimal value) => (Min is null || value >= Min) && (Max is null || value <= Max);
}

/// <summary>A labelled point of a likert scale.</summary>
public sealed class LikertPoint
{
    public int Point { get; init; }

    public string Label { get; init; } = "";
}
