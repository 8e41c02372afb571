namespace ReadinessSurvey.Surveys;

/// <summary>A run of a survey definition version over a period, e.g. "AI readiness 2024-25".</summary>
public sealed class SurveyRound
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int DefinitionVersionId { get; set; }

    public SurveyDefinitionVersion? DefinitionVersion { get; set; }

    public DateTime OpensAt { get; set; }

    public DateTime ClosesAt { get; set; }

    public RoundStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>Where a round is in its life.</summary>
public enum RoundStatus
{
    Draft = 0,
    Open = 1,
    Closed = 2,
}
