using ReadinessSurvey.Councils;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Responses;

/// <summary>A council's one return for a round, built up by its contributors.</summary>
public sealed class CouncilReturn
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public SurveyRound? Round { get; set; }

    public int CouncilId { get; set; }

    public Council? Council { get; set; }

    public ReturnStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>Application-managed concurrency token: bumped on every status change.</summary>
    public int Version { get; set; }

    /// <summary>Overall readiness score at the last submission (0-100), or null.</summary>
    public double? OverallScore { get; set; }

    /// <summary>Maturity level (1-5) at the last submission, or null.</summary>
    public int? MaturityLevel { get; set; }

    public List<Answer> Answers { get; } = [];

    public List<ReturnScore> Scores { get; } = [];

    public List<Contributor> Contributors { get; } = [];

    public List<SubmissionEvent> History { get; } = [];
}

/// <summary>Where a return is in its life.</summary>
public enum ReturnStatus
{
    NotStarted = 0,
    InProgress = 1,
    Submitted = 2,
}
