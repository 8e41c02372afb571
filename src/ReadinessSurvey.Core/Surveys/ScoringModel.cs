namespace ReadinessSurvey.Surveys;

/// <summary>How answers become dimension scores, an overall score and a maturity level.</summary>
public sealed class ScoringModel
{
    /// <summary>Why the model is as it is (e.g. why skipped sections are dropped).</summary>
    public string? Description { get; init; }

    public IReadOnlyList<ScoringDimension> Dimensions { get; init; } = [];

    /// <summary>Share (0-1) of a dimension's visible scored questions that must be answered for a score.</summary>
    public decimal CoverageThreshold { get; init; } = 0.6m;

    /// <summary>Maturity levels in ascending order of <see cref="MaturityLevel.MinScore"/>.</summary>
    public IReadOnlyList<MaturityLevel> MaturityLevels { get; init; } = [];

    /// <summary>What happens to a dimension whose questions display logic hid entirely.</summary>
    public SkippedSectionRule SkippedSection { get; init; } = SkippedSectionRule.Drop;

    public ScoringDimension? FindDimension(string id) =>
        Dimensions.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal));
}

/// <summary>A scored theme such as Governance, with its weight in the overall score.</summary>
public sealed class ScoringDimension
{
    public string Id { get; init; } = "";

    public string Label { get; init; } = "";

    public decimal Weight { get; init; }

    /// <summary>Advice keyed by maturity level ("1".."5"), used in benchmark reports.</summary>
    public IReadOnlyDictionary<string, string> Guidance { get; init; } = new Dictionary<string, string>();

    /// <summary>The advice for a maturity level, or null when none is written.</summary>
    public string? GuidanceFor(int level) =>
        Guidance.GetValueOrDefault(level.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>A band of the overall score, e.g. level 3 "Developing" from 40.</summary>
public sealed class MaturityLevel
{
    public int Level { get; init; }

    public string Label { get; init; } = "";

    /// <summary>Lowest overall score (inclusive) in this level.</summary>
    public decimal MinScore { get; init; }
}

/// <summary>Treatment of a dimension with no visible scored question.</summary>
public enum SkippedSectionRule
{
    /// <summary>Drop the dimension and share its weight among the others.</summary>
    Drop,

    /// <summary>Score the dimension 0: not doing the thing counts against the council.</summary>
    Zero,
}
