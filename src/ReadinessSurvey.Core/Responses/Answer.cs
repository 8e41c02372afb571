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

    /// <summary>
    /// The answer as compact JSON (see the survey engine's answer model): the working copy respondents
    /// edit. Once the return is submitted its submission record is what reports read.
    /// </summary>
    public required string ValueJson { get; set; }

    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int? UpdatedByContributorId { get; set; }

    public Contributor? UpdatedBy { get; set; }
}
