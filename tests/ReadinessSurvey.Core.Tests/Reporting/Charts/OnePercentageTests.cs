using System.Globalization;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Tests.Reporting.Charts;

/// <summary>
/// One answer, one percentage (issue 14, item 3): the share of councils giving an answer is the snapshot's
/// (of the councils that answered and were shown it, "Don't know" in the base), and the table, the
/// workbook cell and the chart all state that same figure.
/// </summary>
[Trait("Category", "Database")]
[Collection(DemoRounds.Name)]
[Trait("Category", "Slow")]
public sealed class OnePercentageTests(ChartRounds rounds)
{
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    [Fact]
    public void Every_likert_chart_states_the_percentages_of_its_table_and_of_the_snapshot()
    {
        var round = rounds[ChartRounds.Full];
        var tables = round.Internal.QuestionTables.Where(t => t.Kind == QuestionTableKind.Likert).ToList();
        Assert.NotEmpty(tables);
        var checkedDontKnow = 0;
        foreach (var table in tables)
        {
            var sector = round.Source.Content.Questions.Single(q => q.QuestionId == table.QuestionId).Groups
                .Single(g => g.Breakdown == Breakdowns.Sector);
            var chart = ReportCharts.Likert(table, hideSuppressed: false);
            var all = chart.Table.Rows.Single(r => r[0] == table.Columns[0].Group);
            for (var o = 0; o < table.Rows.Count; o++)
            {
                var expected = sector.Options[o].Percent!.Value;
                // The table cell is the snapshot's percentage...
                Assert.Equal((decimal)expected / 100, table.Rows[o].Cells[0].Percent);
                // ...and the chart states it, "Don't know" included.
                var column = chart.Table.Headers.ToList().IndexOf(table.Rows[o].Option + " (% of councils answering)");
                Assert.True(column > 0, $"{table.QuestionId}: the chart has no column for \"{table.Rows[o].Option}\"");
                Assert.Equal(expected.ToString("0.#", _invariant), all[column]);
                checkedDontKnow += table.Rows[o].OutsideScale && sector.Options[o].Count > 0 ? 1 : 0;
            }
        }

        Assert.True(checkedDontKnow > 0, "No Likert question had a \"Don't know\" answer to check.");
    }

    [Fact]
    public void Every_likert_chart_says_what_its_percentages_are_of()
    {
        var table = rounds[ChartRounds.Full].Internal.QuestionTables.First(t => t.Kind == QuestionTableKind.Likert);
        var chart = ReportCharts.Likert(table, hideSuppressed: false);
        Assert.Contains("\"Don't know\" included", chart.AltText, StringComparison.Ordinal);
    }
}
