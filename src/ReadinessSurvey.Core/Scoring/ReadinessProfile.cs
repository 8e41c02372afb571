namespace ReadinessSurvey.Scoring;

/// <summary>Why a dimension has, or has no, score.</summary>
public enum DimensionStatus
{
    /// <summary>Enough visible scored questions were answered.</summary>
    Scored,

    /// <summary>Under the coverage threshold of visible scored questions answered: no score.</summary>
    InsufficientData,

    /// <summary>All its questions were hidden and the model scores that as 0.</summary>
    SkippedScoredZero,

    /// <summary>All its questions were hidden and the model drops the dimension from the overall score.</summary>
    Dropped,
}

/// <summary>The score of one dimension for one council.</summary>
/// <param name="Id">Dimension id.</param>
/// <param name="Label">Dimension label.</param>
/// <param name="Weight">Weight in the overall score.</param>
/// <param name="Score">0-100, or null when there is no score (see <paramref name="Status"/>).</param>
/// <param name="Answered">Visible scored questions with points (don't know excluded).</param>
/// <param name="Eligible">Visible scored questions.</param>
/// <param name="Status">Scored, insufficient data, skipped (zero) or dropped.</param>
public sealed record DimensionResult(
    string Id, string Label, decimal Weight, decimal? Score, int Answered, int Eligible, DimensionStatus Status)
{
    /// <summary>Share of eligible questions answered; 0 when none were eligible.</summary>
    public decimal Coverage => Eligible == 0 ? 0 : (decimal)Answered / Eligible;
}

/// <summary>A council's readiness: dimension scores, overall score and maturity level.</summary>
/// <param name="Dimensions">One result per dimension, in definition order.</param>
/// <param name="OverallScore">Weighted mean of dimension scores, or null when too little is scored.</param>
/// <param name="MaturityLevel">Level number (1 = lowest), or null with no overall score.</param>
/// <param name="MaturityLabel">Level label such as "Developing", or null with no overall score.</param>
public sealed record ReadinessProfile(
    IReadOnlyList<DimensionResult> Dimensions, decimal? OverallScore, int? MaturityLevel, string? MaturityLabel)
{
    /// <summary>True when there is an overall score.</summary>
    public bool HasOverallScore => OverallScore is not null;

    public DimensionResult? Dimension(string id) =>
        Dimensions.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal));
}
