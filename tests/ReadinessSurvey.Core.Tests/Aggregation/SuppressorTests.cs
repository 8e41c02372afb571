using ReadinessSurvey.Aggregation.Statistics;

namespace ReadinessSurvey.Tests.Aggregation;

public sealed class SuppressorTests
{
    private const string All = CountTable.AllColumn;

    [Fact]
    public void Apply_small_cell_is_withheld_with_secondary_cells_in_its_row_and_column()
    {
        var table = SingleChoice("q", ["A", "B"], ("yes", [10, 3]), ("no", [8, 7]));

        var result = Suppressor.Apply([table]);

        Assert.Equal(
            ["no/A", "no/B", "yes/A", "yes/B"],
            Withheld(result));
        Assert.Equal(("yes", "B", Suppressor.Primary), (result.Log[0].Row, result.Log[0].Column, result.Log[0].Kind));
        Assert.All(result.Log.Skip(1), entry => Assert.Equal(Suppressor.Secondary, entry.Kind));
        Assert.Equal(4, result.Log.Count);
        Assert.False(result.IsWithheld("q", "base", All));
        Assert.False(result.IsWithheld("q", "yes", All));
    }

    [Fact]
    public void Apply_withheld_cells_cannot_be_recovered_from_any_total()
    {
        var table = SingleChoice("q", ["A", "B", "C"], ("yes", [2, 6, 7]), ("no", [1, 4, 5]), ("dont-know", [0, 9, 12]));

        var result = Suppressor.Apply([table]);

        // No row or column relation is left with exactly one withheld member.
        foreach (var row in table.AllRows)
        {
            Assert.NotEqual(1, table.AllColumns.Count(column => result.IsWithheld("q", row, column)));
        }

        foreach (var column in table.AllColumns)
        {
            Assert.NotEqual(1, table.AllRows.Count(row => result.IsWithheld("q", row, column)));
        }
    }

    [Fact]
    public void Apply_column_with_base_below_threshold_is_withheld_whole_and_protected()
    {
        var table = SingleChoice("q", ["A", "B", "C"], ("yes", [2, 6, 7]), ("no", [1, 4, 5]));

        var result = Suppressor.Apply([table]);

        // Column A's base is 3: all of A (zeros too) is primary. no/B (4) is primary. Row "yes" then needs
        // a second cell (yes/B, the next smallest), and the base row needs base/B.
        Assert.Equal(["base/A", "base/B", "no/A", "no/B", "yes/A", "yes/B"], Withheld(result));
        Assert.Equal(Suppressor.Primary, Entry(result, "base", "A").Kind);
        Assert.Equal(Suppressor.Secondary, Entry(result, "base", "B").Kind);
        Assert.Contains("base", Entry(result, "yes", "A").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_sector_total_below_threshold_is_withheld()
    {
        var table = SingleChoice("q", ["A", "B"], ("yes", [2, 1]), ("no", [10, 12]));

        var result = Suppressor.Apply([table]);

        Assert.True(result.IsWithheld("q", "yes", All));
        Assert.Equal(Suppressor.Primary, Entry(result, "yes", All).Kind);
        // The column "all" now has one withheld member, so no/all is withheld too.
        Assert.True(result.IsWithheld("q", "no", All));
    }

    [Fact]
    public void Apply_zero_cell_in_a_large_column_is_shown()
    {
        var table = SingleChoice("q", ["A", "B"], ("yes", [0, 0]), ("no", [10, 12]));

        Assert.Empty(Suppressor.Apply([table]).Log);
    }

    [Fact]
    public void Apply_same_population_in_another_breakdown_is_withheld_too()
    {
        var byType = new CountTable("q:type", "q", ["ticked"], ["E06", "E07", "W06"], null, false).WithPopulation("W06", "wales");
        (byType["ticked", "E06"], byType["ticked", "E07"], byType["ticked", "W06"], byType["ticked", All]) = (10, 3, 6, 19);
        var byRegion = new CountTable("q:region", "q", ["ticked"], ["NE", "Wales"], null, false).WithPopulation("Wales", "wales");
        (byRegion["ticked", "NE"], byRegion["ticked", "Wales"], byRegion["ticked", All]) = (13, 6, 19);

        var result = Suppressor.Apply([byType, byRegion]);

        // W06 (6) protects E07 (3) by type; Wales is the same 6 councils, so it is withheld by region,
        // which then needs NE withheld or Wales = 19 - 13.
        Assert.True(result.IsWithheld("q:type", "ticked", "W06"));
        Assert.True(result.IsWithheld("q:region", "ticked", "Wales"));
        Assert.Contains("same councils", result.Log.Single(e => e.Column == "Wales").Reason, StringComparison.Ordinal);
        Assert.True(result.IsWithheld("q:region", "ticked", "NE"));
        Assert.False(result.IsWithheld("q:region", "ticked", All));
    }

    [Fact]
    public void Apply_sector_cell_withheld_in_one_breakdown_is_withheld_in_all()
    {
        // By tier every council is unitary, so the only column equals the sector total.
        var byTier = new CountTable("q:tier", "q", ["ticked"], ["unitary"], null, false);
        (byTier["ticked", "unitary"], byTier["ticked", All]) = (7, 7);
        var byType = new CountTable("q:type", "q", ["ticked"], ["E06", "E07"], null, false);
        (byType["ticked", "E06"], byType["ticked", "E07"], byType["ticked", All]) = (3, 4, 7);
        var byRegion = new CountTable("q:region", "q", ["ticked"], ["R1", "R2"], null, false).WithPopulation("R1", "r1");
        (byRegion["ticked", "R1"], byRegion["ticked", "R2"], byRegion["ticked", All]) = (1, 6, 7);
        byTier.WithPopulation("unitary", "r1");

        var result = Suppressor.Apply([byType, byRegion, byTier]);

        // R1 (1) is primary; unitary is the same population as R1 in this made-up case, so it is
        // withheld, which withholds the tier's sector cell, which is the same number in every table.
        Assert.True(result.IsWithheld("q:tier", "ticked", All));
        Assert.True(result.IsWithheld("q:type", "ticked", All));
        Assert.True(result.IsWithheld("q:region", "ticked", All));
    }

    [Fact]
    public void Apply_group_that_is_a_sum_of_other_groups_cannot_reveal_a_withheld_part()
    {
        var byType = new CountTable("q:type", "q", ["ticked"], ["E06", "E07", "E08", "E10"], null, false)
            .WithPopulation("E07", "lower").WithPopulation("E10", "upper");
        (byType["ticked", "E06"], byType["ticked", "E07"], byType["ticked", "E08"], byType["ticked", "E10"], byType["ticked", All]) = (7, 5, 3, 6, 21);
        var byTier = new CountTable("q:tier", "q", ["ticked"], ["lower", "unitary", "upper"], null, false)
            .WithPopulation("lower", "lower").WithPopulation("upper", "upper");
        (byTier["ticked", "lower"], byTier["ticked", "unitary"], byTier["ticked", "upper"], byTier["ticked", All]) = (5, 10, 6, 21);
        SumRelation unitary = new([new("q:type", "ticked", "E06"), new("q:type", "ticked", "E08")], new("q:tier", "ticked", "unitary"));

        var without = Suppressor.Apply([byType, byTier]);
        var with = Suppressor.Apply([byType, byTier], sums: [unitary]);

        // Alone, each table is protected (E08 by E07, lower by upper), yet unitary - E06 = E08.
        Assert.False(without.IsWithheld("q:type", "ticked", "E06") || without.IsWithheld("q:tier", "ticked", "unitary"));
        Assert.True(with.IsWithheld("q:type", "ticked", "E06") || with.IsWithheld("q:tier", "ticked", "unitary"));
        Assert.Contains(with.Log, e => e.Kind == Suppressor.Secondary && e.Reason.Contains("sum", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_threshold_is_configurable()
    {
        var table = SingleChoice("q", ["A", "B"], ("yes", [10, 3]), ("no", [8, 7]));

        Assert.Empty(Suppressor.Apply([table], threshold: 3).Log);
    }

    [Fact]
    public void Apply_is_repeatable()
    {
        var first = Suppressor.Apply([SingleChoice("q", ["A", "B", "C"], ("yes", [2, 6, 7]), ("no", [1, 4, 5]))]);
        var second = Suppressor.Apply([SingleChoice("q", ["A", "B", "C"], ("yes", [2, 6, 7]), ("no", [1, 4, 5]))]);

        Assert.Equal(first.Log, second.Log);
    }

    private static CountTable SingleChoice(string name, string[] columns, params (string Row, int[] Counts)[] rows)
    {
        var table = new CountTable(name, name, [.. rows.Select(r => r.Row)], columns, "base", rowsAddUp: true);
        foreach (var (row, counts) in rows)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                table[row, columns[i]] = counts[i];
                table["base", columns[i]] += counts[i];
                table[row, All] += counts[i];
                table["base", All] += counts[i];
            }
        }

        return table;
    }

    private static List<string> Withheld(SuppressionResult result) =>
        [.. result.Withheld.Select(c => $"{c.Row}/{c.Column}").Order(StringComparer.Ordinal)];

    private static SuppressionLogEntry Entry(SuppressionResult result, string row, string column) =>
        result.Log.Single(e => e.Row == row && e.Column == column);
}
