using ReadinessSurvey.Aggregation.Statistics;

namespace ReadinessSurvey.Tests.Aggregation;

public sealed class DescriptiveTests
{
    [Fact]
    public void Summarise_seven_values_gives_hand_computed_statistics()
    {
        var summary = Descriptive.Summarise([70, 10, 40, 20, 60, 30, 50]);

        // Type 7: Q1 at position 6 x 0.25 = 1.5 -> 20 + 0.5 x 10; Q3 at 4.5 -> 50 + 0.5 x 10.
        Assert.Equal(new Summary(7, 40, 40, 25, 55, 10, 70), summary);
    }

    [Fact]
    public void Summarise_four_values_matches_excel_quartile_inc()
    {
        var summary = Descriptive.Summarise([4, 1, 3, 2]);

        // QUARTILE.INC({1,2,3,4}, 1) = 1.75, median 2.5, QUARTILE.INC(..., 3) = 3.25.
        Assert.Equal(new Summary(4, 2.5, 2.5, 1.75, 3.25, 1, 4), summary);
    }

    [Fact]
    public void Summarise_one_value_gives_it_for_every_statistic()
    {
        Assert.Equal(new Summary(1, 42, 42, 42, 42, 42, 42), Descriptive.Summarise([42]));
    }

    [Fact]
    public void Summarise_no_values_gives_n_zero_and_no_statistics()
    {
        Assert.Equal(Summary.Empty, Descriptive.Summarise([]));
    }

    [Fact]
    public void Summarise_is_independent_of_input_order()
    {
        double[] values = [0.1, 0.2, 0.3, 1e10, -1e10, 0.7];

        Assert.Equal(Descriptive.Summarise(values), Descriptive.Summarise(values.Reverse()));
    }

    [Theory]
    [InlineData(20, 50)] // 1 below, 2 ties: (1 + 1) / 4
    [InlineData(30, 87.5)] // 3 below, 1 tie: (3 + 0.5) / 4
    [InlineData(10, 12.5)]
    [InlineData(5, 0)]
    [InlineData(99, 100)]
    public void PercentileRank_counts_values_below_plus_half_the_ties(double value, double expected)
    {
        Assert.Equal(expected, Descriptive.PercentileRank([10, 20, 20, 30], value));
    }

    [Fact]
    public void PercentileRank_empty_group_is_null()
    {
        Assert.Null(Descriptive.PercentileRank([], 1));
    }

    [Fact]
    public void MaturityDistribution_counts_each_level_with_its_percentage()
    {
        var distribution = Descriptive.MaturityDistribution([1, 2, 2, 3, 5, 0]);

        Assert.Equal(
            [new(1, 1, 20), new(2, 2, 40), new(3, 1, 20), new(4, 0, 0), new LevelShare(5, 1, 20)],
            distribution);
    }

    [Fact]
    public void MaturityDistribution_of_nothing_has_five_empty_levels()
    {
        Assert.All(Descriptive.MaturityDistribution([]), level => Assert.Equal((0, (double?)null), (level.Count, level.Percent)));
    }

    [Fact]
    public void Percentile_rank_over_sorted_values_equals_the_plain_definition()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 200; trial++)
        {
            var group = Enumerable.Range(0, random.Next(0, 40)).Select(_ => (double)random.Next(0, 10)).ToList();
            var sorted = group.Order().ToArray();
            foreach (var value in new[] { -1.0, 0, 3, 4.5, 9, 12 })
            {
                Assert.Equal(Descriptive.PercentileRank(group, value), Descriptive.PercentileRankSorted(sorted, value));
            }
        }
    }
}
