namespace ReadinessSurvey.Aggregation;

/// <summary>
/// What an aggregation run found for a round: the model of <see cref="AggregateSnapshot.ContentJson"/>
/// (the internal view, every cell) and of <see cref="AggregateSnapshot.PublishedJson"/> (the published
/// view: no per-council data, withheld numbers are null). Read it with <see cref="SnapshotJson"/>.
/// </summary>
/// <param name="Published">True for the published view.</param>
/// <param name="Threshold">Published cells from fewer councils than this are withheld.</param>
/// <param name="Groups">Every group used in a breakdown, with its label.</param>
/// <param name="Councils">Each submitted council's scores and position against its peers (internal view only).</param>
public sealed record SnapshotContent(
    int RoundId,
    bool Published,
    int Threshold,
    IReadOnlyList<GroupInfo> Groups,
    ResponseSummary Responses,
    IReadOnlyList<CouncilResult> Councils,
    IReadOnlyList<QuestionResult> Questions,
    IReadOnlyList<DimensionResult> Dimensions,
    IReadOnlyList<MaturityResult> Maturity);

/// <summary>The breakdowns every aggregate is given for.</summary>
public static class Breakdowns
{
    /// <summary>All submitted councils; its one group is <see cref="AllGroup"/>.</summary>
    public const string Sector = "sector";

    /// <summary>Council type (GSS entity code: E06, E07, E08, E09, E10, W06).</summary>
    public const string Type = "type";

    /// <summary>Region (E12 code; Wales is its own region).</summary>
    public const string Region = "region";

    /// <summary>Tier: unitary, upper or lower.</summary>
    public const string Tier = "tier";

    /// <summary>Maturity level "1".."5" from the overall score.</summary>
    public const string Maturity = "maturity";

    public const string AllGroup = "all";

    /// <summary>Breakdowns in the order they appear in a snapshot.</summary>
    public static IReadOnlyList<string> Ordered { get; } = [Sector, Type, Region, Tier, Maturity];
}

/// <summary>A group in a breakdown, e.g. (region, E12000001, North East).</summary>
public sealed record GroupInfo(string Breakdown, string Key, string Label);

/// <summary>
/// Response rates. The denominator is the council register (every principal council); the invited
/// count (councils with at least one invitation for the round) is given beside it.
/// </summary>
/// <param name="NotSubmitted">Councils in the register without a submitted return (internal view only).</param>
public sealed record ResponseSummary(IReadOnlyList<ResponseRate> Rates, IReadOnlyList<CouncilStatus> NotSubmitted);

/// <param name="Submitted">Councils that submitted; null when withheld.</param>
/// <param name="Percent">Submitted as a percentage of registered; null when withheld or nothing registered.</param>
public sealed record ResponseRate(string Breakdown, string Group, int Registered, int Invited, int? Submitted, double? Percent);

/// <summary>A council that has not submitted, and how far it got (NotStarted, InProgress, or None: no return yet).</summary>
public sealed record CouncilStatus(string Code, string Name, string TypeCode, string RegionCode, bool Invited, string ReturnStatus);

/// <summary>One submitted council's readiness profile.</summary>
public sealed record CouncilResult(
    string Code,
    string Name,
    string TypeCode,
    string RegionCode,
    string Tier,
    double? OverallScore,
    int? MaturityLevel,
    IReadOnlyList<DimensionScore> Dimensions,
    IReadOnlyList<PeerPosition> Peers);

/// <summary>A council's score on a dimension; Score is null unless Status is "scored".</summary>
public sealed record DimensionScore(string DimensionId, double? Score, string Status);

/// <summary>
/// Where a council sits in a peer group (sector, same type, same region) on a dimension or "overall":
/// the group's median and quartiles (the council included) and the council's percentile rank.
/// </summary>
/// <param name="N">Councils in the group with a score on the dimension.</param>
/// <param name="Percentile">Mid-rank percentile (see Descriptive.PercentileRank); null when the council has no score.</param>
/// <param name="Publishable">Whether the group is large enough for its statistics to be published.</param>
public sealed record PeerPosition(
    string DimensionId,
    string Breakdown,
    string Group,
    int N,
    double? Median,
    double? LowerQuartile,
    double? UpperQuartile,
    double? Percentile,
    bool Publishable);

/// <summary>Counts for a question in every group of every breakdown.</summary>
/// <param name="ShownToSome">Options the questionnaire shows only to some councils (e.g. adult social care,
/// not offered to districts): each has its own base. Every other option's base is the question's.</param>
public sealed record QuestionResult(string QuestionId, string Kind, IReadOnlyList<QuestionGroup> Groups, IReadOnlyList<string>? ShownToSome = null);

/// <summary>
/// A question's answers within one group. Base is the number of councils in the group that answered
/// (were shown the question and gave an answer, "Don't know" included). Numbers holds the statistics
/// of a number question; Options is empty for it.
/// </summary>
public sealed record QuestionGroup(string Breakdown, string Group, int? Base, IReadOnlyList<OptionCount> Options, Stats? Numbers);

/// <summary>
/// How many councils chose an option, and the percentage: <see cref="Percent"/> = 100 x Count / Base, where
/// <see cref="Base"/> is the councils in the group that answered the question and were shown this option
/// (the question's base unless the option is shown only to some councils). "Don't know" is an answer like
/// any other: it is in the base and has its own count and percentage (decision 0081). Null when withheld;
/// Percent is also null when the base is 0 (no council in the group was shown the option).
/// </summary>
public sealed record OptionCount(string Value, int? Count, double? Percent, int? Base);

/// <summary>
/// Descriptive statistics (quartiles by linear interpolation, type 7). In the published view all are null
/// when N is withheld, and Min and Max are always null: each is one council's value.
/// </summary>
public sealed record Stats(int? N, double? Mean, double? Median, double? LowerQuartile, double? UpperQuartile, double? Min, double? Max);

/// <summary>A dimension's (or "overall") scores in every group.</summary>
public sealed record DimensionResult(string DimensionId, IReadOnlyList<DimensionGroup> Groups);

/// <summary>Scores of the councils with a score; Unscored counts councils with insufficient data or a dropped dimension.</summary>
public sealed record DimensionGroup(string Breakdown, string Group, Stats Scores, int? Unscored);

/// <summary>Maturity level distribution in a group. N counts councils with a level.</summary>
public sealed record MaturityResult(string Breakdown, string Group, int? N, IReadOnlyList<LevelCount> Levels);

public sealed record LevelCount(int Level, string Name, int? Count, double? Percent);
