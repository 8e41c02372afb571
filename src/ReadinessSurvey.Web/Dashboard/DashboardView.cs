using ReadinessSurvey.Reporting.Charts;

namespace ReadinessSurvey.Web.Dashboard;

/// <summary>
/// What a dashboard page shows below its headline figures: charts (each with its data table) and
/// further tables. The download of the view holds the same tables, in the same order.
/// </summary>
public sealed record DashboardView(IReadOnlyList<DashboardChart> Charts, IReadOnlyList<ChartTable> Tables)
{
    public static DashboardView Empty { get; } = new([], []);

    /// <summary>Every table of the view: each chart's data, then the other tables.</summary>
    public IReadOnlyList<ChartTable> AllTables => [.. Charts.Select(c => c.Table), .. Tables];
}
