namespace ReadinessSurvey.Responses;

/// <summary>
/// The current answer to one question in a return. <see cref="Version"/> is an application-managed
/// concurrency token (SQLite has no row version), so a save based on a stale view is refused.
/// </summary>
public sealed class Answer
{
    public long Id { get; set; }

    public int ReturnId { get; set; }

    public CouncilReturn? Return { get; set; }

    /// <summary>The question's stable id in the definition, e.g. "B1".</summary>
    public required string QuestionId { get; set; }

    /// <summary>The answer as compact JSON (see the survey engine's answer model).</summary>
    public required string ValueJson { get; set; }

    /// <summary>
    /// The chosen option's value for single choice, yes/no ("yes"/"no") and Likert (the point) questions,
    /// kept beside the JSON so aggregation can GROUP BY it in the database.
    /// </summary>
    public string? Choice { get; set; }

    /// <summary>The value of a number question, for aggregation in the database.</summary>
    public double? Number { get; set; }

    /// <summary>
    /// How many options of a multiple-choice question are ticked (0 once cleared; null on other questions),
    /// kept beside the JSON so aggregation counts a question's base (councils that ticked something) from
    /// the covering index instead of reading every answer's JSON.
    /// </summary>
    public int? TickCount { get; set; }

    /// <summary>The ticked options of a multiple-choice question, one row each, for aggregation.</summary>
    public List<AnswerSelection> Selections { get; } = [];

    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int? UpdatedByContributorId { get; set; }

    public Contributor? UpdatedBy { get; set; }
}
