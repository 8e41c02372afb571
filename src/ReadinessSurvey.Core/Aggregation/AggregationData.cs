using System.Globalization;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Everything an aggregation run reads from the database, already counted (per finest cell for the
/// submitted councils, per group of each breakdown for answers and scores): nothing in it grows with
/// the number of councils except <see cref="Versions"/> (three integers a return, for the input hash)
/// and the not-submitted list.
/// </summary>
internal sealed record AggregationData(
    int RoundId,
    IReadOnlyList<QuestionShape> Questions,
    IReadOnlyList<GroupInfo> RegisterGroups,
    IReadOnlyList<CouncilStatusRow> NotSubmitted,
    IReadOnlyList<ReturnVersion> Versions,
    IReadOnlyList<GroupCount> Registered,
    IReadOnlyList<GroupCount> Invited,
    IReadOnlyList<ValueCount> Submitted,
    IReadOnlyList<BreakdownCount> Choices,
    IReadOnlyList<BreakdownCount> Answered,
    IReadOnlyList<BreakdownCount> Ticks,
    IReadOnlyList<BreakdownCount> Numbers,
    IReadOnlyList<BreakdownCount> Scores);

/// <summary>The finest cell every breakdown is a sum of: a council's type, region and tier and its return's maturity level.</summary>
internal readonly record struct Cell(string TypeCode, string RegionCode, string Tier, int? MaturityLevel)
{
    public static Cell Of(ValueCount count) => new(count.TypeCode, count.RegionCode, count.Tier, count.MaturityLevel);

    /// <summary>A stable text key, for naming populations of councils.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{TypeCode}|{RegionCode}|{Tier}|{MaturityLevel}");
}

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

    public static string? Of(string breakdown, Cell cell) =>
        Of(breakdown, cell.TypeCode, cell.RegionCode, cell.Tier, cell.MaturityLevel);

    public static string? Of(string breakdown, GroupCount count) =>
        Of(breakdown, count.TypeCode, count.RegionCode, count.Tier, null);
}
