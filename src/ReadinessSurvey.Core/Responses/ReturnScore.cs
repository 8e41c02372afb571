namespace ReadinessSurvey.Responses;

/// <summary>
/// A submitted return's score on one readiness dimension (or "overall"), computed by the scoring
/// model when the return is submitted, so aggregation reads scores instead of recomputing them.
/// </summary>
public sealed class ReturnScore
{
    public long Id { get; set; }

    public int ReturnId { get; set; }

    /// <summary>The dimension's id, or <see cref="Overall"/>.</summary>
    public required string DimensionId { get; set; }

    /// <summary>0-100, or null when the dimension has insufficient data or was dropped.</summary>
    public double? Score { get; set; }

    /// <summary>scored, insufficient or dropped.</summary>
    public required string Status { get; set; }

    /// <summary>The id used for the overall score.</summary>
    public const string Overall = "overall";
}
