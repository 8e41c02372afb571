using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Surveys;

public class DisplayLogicTests
{
    private static SurveyVisibility Visible(CouncilProfile council, params (string Id, AnswerValue Value)[] answers) =>
        DisplayLogic.Evaluate(TestSurveys.Default, council, TestSurveys.Answers(answers));

    private static SurveyVisibility WithStatus(string status) =>
        Visible(TestSurveys.Unitary, ("B1", AnswerValue.Choice(status)));

    [Theory]
    [InlineData("no_use")]
    [InlineData("exploring")]
    public void Evaluate_NoUseOrExploring_HidesAiTypesLiveToolsAndSectionC(string status)
    {
        var visibility = WithStatus(status);

        Assert.False(visibility.IsQuestionVisible("B2"));
        Assert.False(visibility.IsQuestionVisible("B4"));
        Assert.False(visibility.IsSectionVisible("C"));
        Assert.All(TestSurveys.Default.Sections.Single(s => s.Id == "C").Questions, q => Assert.False(visibility.IsQuestionVisible(q.Id)));
    }

    [Theory]
    [InlineData("piloting")]
    [InlineData("live_some")]
    [InlineData("live_many")]
    public void Evaluate_PilotingOrLive_ShowsAiTypesLiveToolsAndSectionC(string status)
    {
        var visibility = WithStatus(status);

        Assert.True(visibility.IsQuestionVisible("B2"));
        Assert.True(visibility.IsQuestionVisible("B4"));
        Assert.True(visibility.IsSectionVisible("C"));
        Assert.True(visibility.IsQuestionVisible("C1"));
    }

    [Fact]
    public void Evaluate_StatusUnanswered_HidesSectionCWithoutError()
    {
        var visibility = Visible(TestSurveys.Unitary);

        Assert.False(visibility.IsSectionVisible("C"));
        Assert.True(visibility.IsSectionVisible("D"));
    }

    [Theory]
    [InlineData("no_use", true)]
    [InlineData("exploring", false)]
    [InlineData("live_some", false)]
    public void Evaluate_WhyNotQuestion_OnlyForNoUse(string status, bool shown) =>
        Assert.Equal(shown, WithStatus(status).IsQuestionVisible("B3"));

    [Theory]
    [InlineData("piloting", false)]
    [InlineData("live_some", true)]
    [InlineData("live_many", true)]
    public void Evaluate_TransparencyRecords_OnlyWhenAiIsLive(string status, bool shown) =>
        Assert.Equal(shown, WithStatus(status).IsQuestionVisible("E6"));

    [Theory]
    [InlineData("none", false)]
    [InlineData("optional", true)]
    [InlineData("dont_know", true)]
    public void Evaluate_ShareOfStaffTrained_OnlyWhenTrainingIsNotNone(string training, bool shown) =>
        Assert.Equal(shown, Visible(TestSurveys.Unitary, ("H1", AnswerValue.Choice(training))).IsQuestionVisible("H2"));

    [Fact]
    public void Evaluate_TrainingUnanswered_HidesShareOfStaffTrained() =>
        Assert.False(Visible(TestSurveys.Unitary).IsQuestionVisible("H2"));

    [Theory]
    [InlineData("adult_social_care")]
    [InlineData("childrens_services")]
    [InlineData("send")]
    [InlineData("highways")]
    [InlineData("public_health")]
    public void Evaluate_District_DoesNotSeeCountyServiceAreas(string area)
    {
        var district = Visible(TestSurveys.District, ("B1", AnswerValue.Choice("piloting")));
        var county = Visible(TestSurveys.County, ("B1", AnswerValue.Choice("piloting")));

        Assert.False(district.IsOptionVisible("C1", area));
        Assert.True(county.IsOptionVisible("C1", area));
    }

    [Theory]
    [InlineData("housing")]
    [InlineData("revenues_benefits")]
    public void Evaluate_County_DoesNotSeeDistrictServiceAreas(string area)
    {
        var district = Visible(TestSurveys.District, ("B1", AnswerValue.Choice("piloting")));
        var county = Visible(TestSurveys.County, ("B1", AnswerValue.Choice("piloting")));

        Assert.True(district.IsOptionVisible("C1", area));
        Assert.False(county.IsOptionVisible("C1", area));
    }

    [Fact]
    public void Evaluate_Unitary_SeesEveryServiceArea()
    {
        var visibility = Visible(TestSurveys.Unitary, ("B1", AnswerValue.Choice("piloting")));
        var c1 = TestSurveys.Default.FindQuestion("C1")!;

        Assert.Equal(c1.Options.Count, visibility.VisibleOptions(c1).Count);
    }

    [Fact]
    public void Evaluate_BiggestBarrier_OffersOnlyTickedBarriers()
    {
        var visibility = Visible(TestSurveys.Unitary, ("I1", AnswerValue.Choice("funding", "data_quality")));

        Assert.True(visibility.IsQuestionVisible("I2"));
        Assert.Equal(["funding", "data_quality"], visibility.VisibleOptionValues("I2"));
        Assert.False(visibility.IsOptionVisible("I2", "skills"));
    }

    [Fact]
    public void Evaluate_NoBarriersTicked_HidesBiggestBarrier() =>
        Assert.False(Visible(TestSurveys.Unitary).IsQuestionVisible("I2"));

    [Fact]
    public void Evaluate_AnswerToHiddenQuestion_CountsAsUnansweredDownstream()
    {
        // B2 is answered, but hidden because B1 says exploring: it must not reach the effective answers.
        var visibility = Visible(TestSurveys.Unitary, ("B1", AnswerValue.Choice("exploring")), ("B2", AnswerValue.Choice("generative")));

        Assert.False(visibility.EffectiveAnswers.ContainsKey("B2"));
        Assert.True(visibility.EffectiveAnswers.ContainsKey("B1"));
    }

    [Fact]
    public void Evaluate_QuestionInHiddenSection_IsHiddenEvenIfItsOwnConditionHolds()
    {
        var json = TestSurveys.Json("""
            [ { "id": "S", "title": "S", "questions": [ { "id": "Q1", "type": "yesNo", "text": "Q1?", "dimension": "d" } ] },
              { "id": "T", "title": "T", "showIf": "[Q1]", "questions": [ { "id": "Q2", "type": "yesNo", "text": "Q2?" } ] },
              { "id": "U", "title": "U", "questions": [
                  { "id": "Q3", "type": "yesNo", "text": "Q3?", "showIf": "not answered([Q2])" },
                  { "id": "Q4", "type": "yesNo", "text": "Q4?", "showIf": "[Q2] = true" } ] } ]
            """);
        var definition = TestSurveys.Load(json);
        var answers = TestSurveys.Answers(("Q1", AnswerValue.Of(false)), ("Q2", AnswerValue.Of(true)));

        var visibility = DisplayLogic.Evaluate(definition, TestSurveys.Unitary, answers);

        Assert.False(visibility.IsQuestionVisible("Q2"));
        Assert.True(visibility.IsQuestionVisible("Q3"));
        Assert.False(visibility.IsQuestionVisible("Q4"));
    }
}
