using System.Globalization;
using System.Runtime.CompilerServices;
using ReadinessSurvey.Reporting.Charts;

namespace ReadinessSurvey.Web.Dashboard;

/// <summary>How a table is laid out on a page: which columns are numeric (right-aligned), worked out once per table.</summary>
public static class TableLayout
{
    // Tables are cached with their snapshot's views, so their layout is too (and goes with them).
    private static readonly ConditionalWeakTable<ChartTable, bool[]> _numeric = [];

    /// <summary>A column is numeric when every filled cell in it is a number or [c]; the first column names the row.</summary>
    public static bool[] NumericColumns(ChartTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return _numeric.GetValue(table, t => t.Headers.Select((header, c) => c > 0 && t.Rows.All(r =>
            c >= r.Count || r[c].Length == 0 || r[c] == ChartRenderer.SuppressedMark
            || double.TryParse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _))).ToArray());
    }
}
