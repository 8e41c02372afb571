using ReadinessSurvey.Publishing;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Tests.Reporting;

namespace ReadinessSurvey.Tests.Publishing;

public sealed class PublicationContentTests
{
    private readonly PublicationPage _page = PublicationContent.Build(ReportModelBuilder.Sector());

    [Fact]
    public void A_withheld_figure_reads_c_and_its_value_appears_nowhere_on_the_page()
    {
        var region = Assert.Single(_page.Tables, t => t.Title == "Overall readiness score by region");
        var northEast = Assert.Single(region.Rows, r => r[0] == "North East");
        var levels = Assert.Single(_page.Tables, t => t.Title == "Maturity levels of all councils that responded");
        var leading = Assert.Single(levels.Rows, r => r[0] == "5 Leading");
        var everything = string.Join("\n", _page.Findings.Concat(_page.Tables.SelectMany(t => t.Rows.SelectMany(r => r))));

        Assert.All(northEast.Skip(1), c => Assert.Equal(PublicationContent.Withheld, c));
        Assert.All(leading.Skip(1), c => Assert.Equal(PublicationContent.Withheld, c));
        Assert.DoesNotContain(ReportModelBuilder.SuppressedMedian.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Leading: 2", everything, StringComparison.Ordinal);
    }

    [Fact]
    public void A_score_of_a_group_no_council_answered_for_reads_z_not_a_blank()
    {
        var model = ReportModelBuilder.Sector();
        var empty = new DimensionSummaryRow
        {
            DimensionId = DimensionSummaryRow.OverallId, Dimension = "Overall", GroupKind = GroupKinds.Region, Group = "Yorkshire and The Humber", N = 0,
        };
        var page = PublicationContent.Build(model with { DimensionSummaries = [.. model.DimensionSummaries, empty] });

        var region = Assert.Single(page.Tables, t => t.Title == "Overall readiness score by region");
        var row = Assert.Single(region.Rows, r => r[0] == "Yorkshire and The Humber");

        Assert.Equal(["0", "[z]", "[z]", "[z]"], row.Skip(1));
    }

    [Fact]
    public void Key_findings_state_published_figures_in_plain_English()
    {
        Assert.Equal(
            [
                "The most common maturity level was level 3, Developing: 60 councils (42%).",
                "The median overall readiness score was 55.5 out of 100; half of councils scored between 45.5 and 65.5.",
                "Councils scored highest on adoption (median 60.5) and lowest on governance (median 50.5).",
                "By council type, Unitary authority councils had the highest median overall score (61.3) and Non-metropolitan district councils the lowest (48.8).",
            ],
            _page.Findings);
    }

    [Fact]
    public void A_maturity_finding_whose_share_is_withheld_gives_the_count_alone_never_0_percent()
    {
        var model = ReportModelBuilder.Sector();
        var withheldShares = model with
        {
            MaturityDistribution = [.. model.MaturityDistribution.Select(r => r.GroupKind == GroupKinds.All ? r with { Base = 0, BaseSuppressed = true } : r)],
        };

        var finding = PublicationContent.Build(withheldShares).Findings[0];

        Assert.Equal("The most common maturity level was level 3, Developing: 60 councils.", finding);
    }

    [Fact]
    public void Every_headline_table_has_a_header_per_column_and_a_csv_of_the_same_rows()
    {
        Assert.Equal(5, _page.Tables.Count);
        Assert.All(_page.Tables, t =>
        {
            Assert.All(t.Rows, r => Assert.Equal(t.Headers.Count, r.Count));
            var csv = PublicationContent.TableCsv(t).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(t.Rows.Count + 1, csv.Length);
            Assert.EndsWith(".csv", t.Csv, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_page_states_the_threshold_the_snapshot_used()
    {
        var model = ReportModelBuilder.Sector();
        var stricter = model with { About = model.About with { SuppressionThreshold = 10 } };

        Assert.Equal(5, _page.SuppressionThreshold);
        Assert.Equal(10, PublicationContent.Build(stricter).SuppressionThreshold);
        Assert.Equal(model.About.Method, _page.Method);
    }
}
