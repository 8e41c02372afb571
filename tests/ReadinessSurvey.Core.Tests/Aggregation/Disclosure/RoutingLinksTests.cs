using ReadinessSurvey.Aggregation.Disclosure;
using ReadinessSurvey.Tests.Surveys;

namespace ReadinessSurvey.Tests.Aggregation.Disclosure;

public sealed class RoutingLinksTests
{
    private static readonly IReadOnlyList<RoutingLink> Links = RoutingLinks.From(TestSurveys.Default, ["E06", "E07", "E10"]);

    [Fact]
    public void From_a_question_everyone_answers_counts_every_council_that_submitted()
    {
        var b1 = Links.Single(l => l.Family == "question:B1" && l.Row == "(base)" && l.Type == "E07");

        Assert.Equal((LinkedAudit.ResponseFamily, true), (b1.LeadFamily, b1.Exact));
        Assert.Equal([LinkedAudit.SubmittedRow], b1.LeadRows);
    }

    [Fact]
    public void From_a_follow_up_base_is_the_answers_that_lead_to_it()
    {
        var b2 = Links.Single(l => l.Family == "question:B2" && l.Row == "(base)" && l.Type == "E06");
        var b3 = Links.Single(l => l.Family == "question:B3" && l.Row == "(base)" && l.Type == "E06");
        var b4 = Links.Single(l => l.Family == "number:B4" && l.Row == "(n)" && l.Type == "E06");

        Assert.Equal(("question:B1", true), (b2.LeadFamily, b2.Exact));
        Assert.Equal(["piloting", "live_some", "live_many"], b2.LeadRows);
        Assert.Equal(["no_use"], b3.LeadRows);
        Assert.Equal(["piloting", "live_some", "live_many"], b4.LeadRows);
    }

    [Fact]
    public void From_an_option_a_council_type_never_sees_counts_nobody_of_that_type()
    {
        var zeros = Links.Where(l => l.Family == "question:C1" && l.LeadRows.Count == 0 && l.Exact).ToList();

        Assert.Contains(zeros, l => l.Type == "E07");
        Assert.Contains(zeros, l => l.Type == "E10");
        Assert.DoesNotContain(zeros, l => l.Type == "E06");
    }

    [Fact]
    public void From_an_option_offered_only_when_ticked_earlier_is_at_most_that_tick()
    {
        var funding = Links.Single(l => l.Family == "question:I2" && l.Row == "funding" && l.Type == "E06");

        Assert.Equal(("question:I1", false), (funding.LeadFamily, funding.Exact));
        Assert.Equal(["funding"], funding.LeadRows);
    }
}
