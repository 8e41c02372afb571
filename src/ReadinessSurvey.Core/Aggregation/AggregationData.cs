using System.Globalization;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Aggregation;

/// <summary>Everything an aggregation run reads from the database, already counted where it can be.</summary>
internal sealed record AggregationData(
    int RoundId,
    IReadOnlyList<QuestionShape> Questions,
    IReadOnlyList<CouncilInfo> Councils,
    IReadOnlyList<ReturnInfo> Returns,
    IReadOnlySet<int> InvitedCouncilIds,
    IReadOnlyList<GroupCount> Registered,
    IReadOnlyList<GroupCount> Invited,
    IReadOnlyList<GroupCount> Submitted,
    IReadOnlyList<CellCount> ChoiceCounts,
    IReadOnlyList<CellCount> SelectionCounts,
    IReadOnlyList<CellCount> AnsweredCounts,
    IReadOnlyList<NumberValue> Numbers,
    IReadOnlyList<ScoreValue> Scores);

/// <summary>A council from the register, as aggregation needs it.</summary>
internal sealed record CouncilInfo(int Id, string Code, string Name, string TypeCode, string TypeName, string RegionCode, string RegionName, string Tier);

/// <summary>A return of the round (any status).</summary>
internal sealed record ReturnInfo(int Id, int CouncilId, ReturnStatus Status, int Version, double? OverallScore, int? MaturityLevel);

/// <summary>Which group of a breakdown a council (or a finest cell) belongs to.</summary>
internal static class GroupKeys
{
    public static string? Of(string breakdown, string typeCode, string regionCode, string tier, int? maturityLevel) => breakdown switch
    {
        Breakdowns.Sector => Breakdowns.AllGroup,
        Breakdowns.Type => typeCode,
        Breakdowns.Region => regionCode,
        Breakdowns.Tier => tier,
        Breakdowns.Maturity => maturityLevel is >= 1 and <= Statistics.MaturityLevels.Count
            ? maturityLevel.Value.ToString(CultureInfo.InvariantCulture)
            : null,
        _ => throw new ArgumentOutOfRangeException(nameof(breakdown), breakdown, "Unknown breakdown."),
    };

    public static string? Of(string breakdown, CellCount cell) =>
        Of(breakdown, cell.TypeCode, cell.RegionCode, cell.Tier, cell.MaturityLevel);

    public static string? Of(string breakdown, GroupCount count) =>
        Of(breakdown, count.TypeCode, count.RegionCode, count.Tier, null);

    public static string? Of(string breakdown, CouncilInfo council, int? maturityLevel) =>
        Of(breakdown, council.TypeCode, council.RegionCode, council.Tier, maturityLevel);
}
