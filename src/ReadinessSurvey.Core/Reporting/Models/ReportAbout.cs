namespace ReadinessSurvey.Reporting.Models;

/// <summary>What a report is about: the round, the survey version, the method and the data date.</summary>
public sealed record ReportAbout
{
    /// <summary>Attribution for the council names and codes every report carries.</summary>
    public const string CouncilDataAttribution =
        "Contains council names and codes derived from mySociety's UK local authority names and codes dataset (CC BY 4.0) and ONS GSS codes (Open Government Licence v3.0).";

    public required string Title { get; init; }

    public required string RoundName { get; init; }

    /// <summary>Used in file names, e.g. "2025-spring".</summary>
    public required string RoundSlug { get; init; }

    public required string SurveyId { get; init; }

    public required int SurveyVersion { get; init; }

    /// <summary>The date the data was taken (the aggregation snapshot).</summary>
    public required DateOnly DataDate { get; init; }

    public required DateTime GeneratedAt { get; init; }

    /// <summary>How the survey was run and analysed, in plain English.</summary>
    public string Method { get; init; } = "";

    /// <summary>How answers become scores and maturity levels.</summary>
    public string ScoringModel { get; init; } = "";

    /// <summary>Cells with fewer councils than this are suppressed in published outputs.</summary>
    public int SuppressionThreshold { get; init; } = 5;

    /// <summary>The dimensions in report order, with their weights.</summary>
    public IReadOnlyList<DimensionInfo> Dimensions { get; init; } = [];

    /// <summary>The maturity levels in ascending order.</summary>
    public IReadOnlyList<MaturityLevelInfo> MaturityLevels { get; init; } = [];

    /// <summary>The suppression rule in plain English.</summary>
    public string SuppressionRule =>
        $"Any published figure based on fewer than {SuppressionThreshold} councils is suppressed and shown as [c]. " +
        "Other figures are also suppressed where they would let a suppressed figure be worked out from totals.";
}

/// <summary>A scored dimension such as Governance.</summary>
public sealed record DimensionInfo(string Id, string Label, decimal Weight);

/// <summary>A maturity level such as 3 "Developing" from a score of 40.</summary>
public sealed record MaturityLevelInfo(int Level, string Label, decimal MinScore);
