using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Surveys;

public sealed class RevealRulesTests
{
    [Fact]
    public void B1s_options_that_show_each_follow_up_come_from_display_logic()
    {
        var definition = SurveyAnswers.Default;
        var section = definition.Sections.Single(s => s.Id == "B");

        var rules = RevealRules.For(definition, SurveyAnswers.District, AnswerSet.Empty, section);

        Assert.Equal(["B2", "B3", "B4"], rules.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("B1", false), (rules["B2"].ControllerId, rules["B2"].WhenEmpty));
        Assert.Equal(["piloting", "live_some", "live_many"], rules["B2"].Values);
        Assert.Equal(["no_use"], rules["B3"].Values);
        Assert.False(rules["B3"].WhenEmpty);
    }

    [Fact]
    public void A_condition_on_another_page_gives_no_rule()
    {
        var definition = SurveyAnswers.Default;
        var section = definition.Sections.Single(s => s.Id == "E");

        // E6 depends on B1, which is not on this page: the server shows it after a save instead.
        Assert.Empty(RevealRules.For(definition, SurveyAnswers.District, AnswerSet.Empty, section));
    }
}
