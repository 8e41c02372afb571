namespace ReadinessSurvey.Aggregation.Statistics;

/// <summary>
/// Descriptive statistics of a group of values. Pure: data in, data out.
/// </summary>
/// <remarks>
/// Quartiles use linear interpolation between closest ranks (Hyndman and Fan type 7): the value at
/// position h = (n - 1) p of the sorted values (0-based), interpolated between floor(h) and ceil(h).
/// This is what Excel's QUARTILE.INC and PERCENTILE.INC, R's default quantile() and NumPy's default
/// give, so the policy team can check any figure in a spreadsheet.
/// </remarks>
public static class Descriptive
{
    /// <summary>n, mean, median, lower and upper quartile, min and max; all null except n when there are no values.</summary>
    public static Summary Summarise(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return Summary.Empty;
        }

        // Note: summing the sorted values makes the mean independent of the order rows arrive in,
        // so the same data always gives the same bits (and byte-identical snapshot JSON).
        var sum = 0.0;
        foreach (var value in sorted)
        {
            sum += value;
        }

        return new Summary(
            sorted.Length,
            sum / sorted.Length,
            Quantile(sorted, 0.5),
            Quantile(sorted, 0.25),
            Quantile(sorted, 0.75),
            sorted[0],
            sorted[^1]);
    }

    /// <summary>The p-quantile (0..1) of values sorted ascending, by linear interpolation (type 7).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("A quantile needs at least one value.", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1.0);
        var h = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((h - lower) * (sorted[upper] - sorted[lower]));
    }

    /// <summary>
    /// Percentile rank (0-100) of a value within a group: the percentage of group values strictly below
    /// it plus half of those equal to it (the "mid-rank" definition). A council compared with a group
    /// that includes itself is counted among the ties. Null for an empty group.
    /// </summary>
    public static double? PercentileRank(IEnumerable<double> group, double value)
    {
        ArgumentNullException.ThrowIfNull(group);
        int below = 0, equal = 0, n = 0;
        foreach (var item in group)
        {
            n++;
            if (item < value)
            {
                below++;
            }
            else if (item.Equals(value))
            {
                equal++;
            }
        }

        return n == 0 ? null : 100.0 * (below + (0.5 * equal)) / n;
    }

    /// <summary>
    /// <see cref="PercentileRank(IEnumerable{double}, double)"/> over values already sorted ascending, by
    /// binary search: the same result in O(log n), for ranking every council within large groups.
    /// </summary>
    public static double? PercentileRankSorted(IReadOnlyList<double> sorted, double value)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var below = FirstIndex(sorted, x => x >= value);
        var notAbove = FirstIndex(sorted, x => x > value);
        return 100.0 * (below + (0.5 * (notAbove - below))) / sorted.Count;
    }

    /// <summary>The first index whose value satisfies a condition that is monotone over the sorted list.</summary>
    private static int FirstIndex(IReadOnlyList<double> sorted, Func<double, bool> condition)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (condition(sorted[mid]))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// Count and percentage of each maturity level 1..5 (always five entries, in order). Percentages are
    /// of the values given; values outside 1..5 are ignored.
    /// </summary>
    public static IReadOnlyList<LevelShare> MaturityDistribution(IEnumerable<int> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var counts = new int[MaturityLevels.Count + 1];
        var n = 0;
        foreach (var level in levels)
        {
            if (level is >= 1 and <= MaturityLevels.Count)
            {
                counts[level]++;
                n++;
            }
        }

        return [.. Enumerable.Range(1, MaturityLevels.Count)
            .Select(level => new LevelShare(level, counts[level], n == 0 ? null : 100.0 * counts[level] / n))];
    }

    /// <summary>count as a percentage of total, or null when total is zero.</summary>
    public static double? Percent(int count, int total) => total == 0 ? null : 100.0 * count / total;
}

/// <summary>Descriptive statistics of one group of values.</summary>
public sealed record Summary(int N, double? Mean, double? Median, double? LowerQuartile, double? UpperQuartile, double? Min, double? Max)
{
    public static Summary Empty { get; } = new(0, null, null, null, null, null, null);
}

/// <summary>How many values sit at one maturity level, and their share (percent).</summary>
public sealed record LevelShare(int Level, int Count, double? Percent);

/// <summary>The five maturity levels from the overall score.</summary>
public static class MaturityLevels
{
    public const int Count = 5;

    /// <summary>Level names, index 1..5.</summary>
    public static IReadOnlyList<string> Names { get; } = ["", "Nascent", "Exploring", "Developing", "Embedded", "Leading"];
}
