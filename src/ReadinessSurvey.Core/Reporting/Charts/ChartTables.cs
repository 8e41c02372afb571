using System.Globalization;

namespace ReadinessSurvey.Reporting.Charts;

/// <summary>The data behind each chart as a table, for accessibility: suppressed values are [c].</summary>
internal static class ChartTables
{
    private static readonly CultureInfo _culture = CultureInfo.InvariantCulture;

    /// <summary>A figure: [c] when withheld, [z] when there is none to give (no councils), never blank.</summary>
    private static string Format(double? value, string format, bool suppressed) =>
        suppressed ? ChartRenderer.SuppressedMark : value?.ToString(format, _culture) ?? Excel.SheetWriter.NotApplicableMark;

    public static ChartTable Bars(BarChartSpec spec)
    {
        var hasWhiskers = spec.Series.Any(s => s.Points.Any(p => p.Low is not null));
        var headers = new List<string> { "Category", "Series", "Value", "n" };
        if (hasWhiskers)
        {
            headers.Add(spec.LowLabel);
            headers.Add(spec.HighLabel);
        }

        var rows = new List<IReadOnlyList<string>>();
        for (var c = 0; c < spec.Categories.Count; c++)
        {
            foreach (var series in spec.Series)
            {
                if (c >= series.Points.Count)
                {
                    continue;
                }

                var p = series.Points[c];
                var row = new List<string>
                {
                    spec.Categories[c], series.Name, Format(p.Value, spec.ValueFormat == "0%" ? "0.###" : "0.##", p.Suppressed),
                    p.BaseSuppressed ? ChartRenderer.SuppressedMark : p.N.ToString(_culture),
                };
                if (hasWhiskers)
                {
                    row.Add(Format(p.Low, "0.##", p.Suppressed));
                    row.Add(Format(p.High, "0.##", p.Suppressed));
                }

                rows.Add(row);
            }
        }

        return new ChartTable(spec.Title, headers, rows);
    }

    public static ChartTable Likert(LikertChartSpec spec)
    {
        var headers = new List<string> { "Group", "n (councils answering)" };
        headers.AddRange(spec.Scale.Concat(spec.Outside).Select(s => s + " (% of councils answering)"));
        var rows = spec.Groups.Select(g =>
        {
            var row = new List<string> { g.Group, g.BaseSuppressed ? ChartRenderer.SuppressedMark : g.N.ToString(_culture) };
            row.AddRange(g.Shares.Concat(g.OutsideShares).Select(share => g.Suppressed ? ChartRenderer.SuppressedMark : g.N == 0 ? Excel.SheetWriter.NotApplicableMark : share.ToString("0.#", _culture)));
            return (IReadOnlyList<string>)row;
        }).ToList();
        return new ChartTable(spec.Title, headers, rows);
    }

    public static ChartTable HeatMap(HeatMapSpec spec)
    {
        var headers = new List<string> { "Group", "n" };
        headers.AddRange(spec.ColumnLabels);
        var rows = spec.RowLabels.Select((label, r) =>
        {
            var row = new List<string> { label, spec.RowBases[r]?.ToString(_culture) ?? ChartRenderer.SuppressedMark };
            row.AddRange(spec.ColumnLabels.Select((_, c) => Format(spec.Values[r][c], "0.#", ChartRenderer.IsSuppressed(spec, r, c))));
            return (IReadOnlyList<string>)row;
        }).ToList();
        return new ChartTable(spec.Title, headers, rows);
    }
}
