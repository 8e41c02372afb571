namespace ReadinessSurvey.Responses;

/// <summary>
/// A contributor's own answer to a question about them (the definition says <c>"about": "contributor"</c>),
/// such as their role. Only that person changes it, so it needs no concurrency token; it is personal
/// data, erased with the contributor's other details.
/// </summary>
public sealed class ContributorAnswer
{
    public long Id { get; set; }

    public int ContributorId { get; set; }

    public Contributor? Contributor { get; set; }

    /// <summary>The question's stable id in the definition, e.g. "A2".</summary>
    public required string QuestionId { get; set; }

    /// <summary>The answer as compact JSON, as <see cref="Answer.ValueJson"/>.</summary>
    public required string ValueJson { get; set; }

    public DateTime UpdatedAt { get; set; }
}
