using System.ComponentModel.DataAnnotations;
using ReadinessSurvey.Aggregation.Statistics;

namespace ReadinessSurvey.Aggregation;

/// <summary>Settings for aggregation runs, bound from the "Aggregation" section.</summary>
public sealed class AggregationOptions
{
    public const string SectionName = "Aggregation";

    /// <summary>
    /// Published cells and statistics from fewer councils than this are withheld (default 5). Agencies
    /// commonly use 3 or 5; no UK rule fixes it.
    /// </summary>
    [Range(1, 100)]
    public int SuppressionThreshold { get; set; } = Suppressor.DefaultThreshold;
}
