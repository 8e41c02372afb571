namespace ReadinessSurvey.Responses;

/// <summary>An entry in a return's history: a submission or a reopening, kept for ever.</summary>
public sealed class SubmissionEvent
{
    public long Id { get; set; }

    public int ReturnId { get; set; }

    public CouncilReturn? Return { get; set; }

    public SubmissionEventKind Kind { get; set; }

    public DateTime At { get; set; }

    /// <summary>Who did it: a contributor's name, or a policy-team user.</summary>
    public required string Actor { get; set; }

    public int? ContributorId { get; set; }

    public string? Reason { get; set; }

    /// <summary>For submissions, the answers as submitted (JSON object keyed by question id).</summary>
    public string? AnswersJson { get; set; }

    /// <summary>For submissions, the readiness profile computed at submission (JSON).</summary>
    public string? ProfileJson { get; set; }
}

/// <summary>What happened to a return.</summary>
public enum SubmissionEventKind
{
    Submitted = 0,
    Reopened = 1,
}
