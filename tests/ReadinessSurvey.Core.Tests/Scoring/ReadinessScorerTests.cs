using ReadinessSurvey.Scoring;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.Surveys;

namespace ReadinessSurvey.Tests.Scoring;

public class ReadinessScorerTests
{
    private const string Sections = """
        [ { "id": "S1", "title": "S1", "questions": [
            { "id": "Q1", "type": "singleChoice", "text": "Q1?", "dimension": "a", "weight": 3, "options": [
                { "value": "x", "label": "X", "score": 0 }, { "value": "y", "label": "Y", "score": 2 },
                { "value": "z", "label": "Z", "score": 4 }, { "value": "dont_know", "label": "Don't know", "dontKnow": true } ] },
            { "id": "Q2", "type": "yesNo", "text": "Q2?", "dimension": "a" },
            { "id": "Q3", "type": "likert", "text": "Q3?", "dimension": "a", "reverse": true, "dontKnow": "Don't know", "points": [
                { "point": 1, "label": "1" }, { "point": 2, "label": "2" }, { "point": 3, "label": "3" }, { "point": 4, "label": "4" }, { "point": 5, "label": "5" } ] } ] },
          { "id": "S2", "title": "S2", "questions": [
            { "id": "Q4", "type": "multipleChoice", "text": "Q4?", "dimension": "b", "scoring": "breadth",
              "bands": [ { "min": 0, "max": 0, "score": 0 }, { "min": 1, "max": 1, "score": 1 }, { "min": 2, "max": 2, "score": 2 }, { "min": 3, "score": 4 } ],
              "options": [ { "value": "p", "label": "P" }, { "value": "q", "label": "Q" }, { "value": "r", "label": "R" },
                { "value": "none", "label": "None", "exclusive": true }, { "value": "dont_know", "label": "Don't know", "dontKnow": true } ] },
            { "id": "Q5", "type": "number", "text": "Q5?", "dimension": "b",
              "bands": [ { "max": 0, "score": 0 }, { "min": 1, "max": 2, "score": 1 }, { "min": 3, "max": 5, "score": 2 }, { "min": 6, "max": 10, "score": 3 }, { "min": 11, "score": 4 } ] } ] },
          { "id": "S3", "title": "S3", "showIf": "[Q2] = true", "questions": [
            { "id": "Q6", "type": "yesNo", "text": "Q6?", "dimension": "c" } ] } ]
        """;

    private const string Dimensions = """
        [ { "id": "a", "label": "A", "weight": 2 }, { "id": "b", "label": "B", "weight": 1 }, { "id": "c", "label": "C", "weight": 1 } ]
        """;

    private static readonly SurveyDefinition _drop = TestSurveys.Load(TestSurveys.Json(Sections, Dimensions, "drop"));
    private static readonly SurveyDefinition _zero = TestSurveys.Load(TestSurveys.Json(Sections, Dimensions, "zero"));

    private static ReadinessProfile Score(SurveyDefinition definition, params (string Id, AnswerValue Value)[] answers) =>
        ReadinessScorer.Score(definition, TestSurveys.Unitary, TestSurveys.Answers(answers));

    [Fact]
    public void Score_WeightedAndReversedItems_MatchHandComputedValue()
    {
        // Q1: 2 points x weight 3 = 6; Q2: 4 x 1 = 4; Q3 point 2 = 1 point, reversed 3 x 1 = 3.
        // 100 x 13 / (4 x 5) = 65.
        var profile = Score(_drop, ("Q1", AnswerValue.Choice("y")), ("Q2", AnswerValue.Of(true)), ("Q3", AnswerValue.Of(2)));

        var a = profile.Dimension("a")!;
        Assert.Equal(65m, a.Score);
        Assert.Equal(DimensionStatus.Scored, a.Status);
        Assert.Equal((3, 3), (a.Answered, a.Eligible));
    }

    [Fact]
    public void Score_DontKnow_IsExcludedFromScoreAndCoverage()
    {
        // Q1 don't know is left out; Q2 yes = 4; Q3 point 5 = 4 reversed to 0. 100 x 4 / (4 x 2) = 50.
        var profile = Score(_drop, ("Q1", AnswerValue.Choice("dont_know")), ("Q2", AnswerValue.Of(true)), ("Q3", AnswerValue.Of(5)));

        var a = profile.Dimension("a")!;
        Assert.Equal(50m, a.Score);
        Assert.Equal((2, 3), (a.Answered, a.Eligible));
    }

    [Fact]
    public void Score_UnderCoverageThreshold_IsInsufficientData()
    {
        var profile = Score(_drop, ("Q1", AnswerValue.Choice("z")), ("Q3", AnswerValue.DontKnowAnswer));

        var a = profile.Dimension("a")!;
        Assert.Null(a.Score);
        Assert.Equal(DimensionStatus.InsufficientData, a.Status);
        Assert.Equal((1, 3), (a.Answered, a.Eligible));
    }

    [Theory]
    [InlineData(new[] { "p" }, 1)]
    [InlineData(new[] { "p", "q" }, 2)]
    [InlineData(new[] { "p", "q", "r" }, 4)]
    [InlineData(new[] { "none" }, 0)]
    public void Score_Breadth_CountsTickedScoredOptions(string[] ticked, int points)
    {
        // Q5 = 0 earns 0 points, so b = 100 x points / 8.
        var profile = Score(_drop, ("Q4", AnswerValue.Choice(ticked)), ("Q5", AnswerValue.Of(0)));

        Assert.Equal(100m * points / 8, profile.Dimension("b")!.Score);
    }

    [Fact]
    public void Score_BreadthWithOnlyDontKnow_IsNotAnswered()
    {
        var profile = Score(_drop, ("Q4", AnswerValue.Choice("dont_know")), ("Q5", AnswerValue.Of(0)));

        Assert.Equal((1, 2), (profile.Dimension("b")!.Answered, profile.Dimension("b")!.Eligible));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(10, 3)]
    [InlineData(11, 4)]
    [InlineData(500, 4)]
    public void Score_NumberBands_MapValueToPoints(int value, int points)
    {
        // Q4 "none" earns 0, so b = 100 x points / 8.
        var profile = Score(_drop, ("Q4", AnswerValue.Choice("none")), ("Q5", AnswerValue.Of(value)));

        Assert.Equal(100m * points / 8, profile.Dimension("b")!.Score);
    }

    [Fact]
    public void Score_SkippedSectionDrop_DropsDimensionAndRenormalises()
    {
        // a = 100 x (3x4 + 0 + 1x4) / 20 = 80 (Q3 point 1 reversed is 4); b = 100 x (2 + 2) / 8 = 50;
        // c is hidden because Q2 is no. Overall = (2x80 + 1x50) / 3 = 70.
        var profile = Score(
            _drop,
            ("Q1", AnswerValue.Choice("z")), ("Q2", AnswerValue.Of(false)), ("Q3", AnswerValue.Of(1)),
            ("Q4", AnswerValue.Choice("p", "q")), ("Q5", AnswerValue.Of(3)));

        Assert.Equal(80m, profile.Dimension("a")!.Score);
        Assert.Equal(50m, profile.Dimension("b")!.Score);
        Assert.Equal(DimensionStatus.Dropped, profile.Dimension("c")!.Status);
        Assert.Null(profile.Dimension("c")!.Score);
        Assert.Equal(70m, profile.OverallScore);
        Assert.Equal((4, "Embedded"), (profile.MaturityLevel!.Value, profile.MaturityLabel));
    }

    [Fact]
    public void Score_SkippedSectionZero_ScoresDimensionZero()
    {
        // Same answers: overall = (2x80 + 1x50 + 1x0) / 4 = 52.5.
        var profile = Score(
            _zero,
            ("Q1", AnswerValue.Choice("z")), ("Q2", AnswerValue.Of(false)), ("Q3", AnswerValue.Of(1)),
            ("Q4", AnswerValue.Choice("p", "q")), ("Q5", AnswerValue.Of(3)));

        Assert.Equal(0m, profile.Dimension("c")!.Score);
        Assert.Equal(DimensionStatus.SkippedScoredZero, profile.Dimension("c")!.Status);
        Assert.Equal(52.5m, profile.OverallScore);
        Assert.Equal(3, profile.MaturityLevel);
    }

    [Fact]
    public void Score_UnderHalfOfWeightScored_HasNoOverallScore()
    {
        // Only b (weight 1 of 4: c is visible because Q2 is yes, but unanswered) has data.
        var profile = Score(_drop, ("Q2", AnswerValue.Of(true)), ("Q4", AnswerValue.Choice("p")), ("Q5", AnswerValue.Of(1)));

        Assert.Null(profile.OverallScore);
        Assert.Null(profile.MaturityLevel);
        Assert.Null(profile.MaturityLabel);
        Assert.False(profile.HasOverallScore);
    }

    [Fact]
    public void Score_HalfOfWeightScored_RenormalisesOverInsufficientDimensions()
    {
        // a (weight 2 of 4) scored 100, b and c insufficient: overall is a's score alone.
        var profile = Score(_drop, ("Q1", AnswerValue.Choice("z")), ("Q2", AnswerValue.Of(true)), ("Q3", AnswerValue.Of(1)));

        Assert.Equal(100m, profile.OverallScore);
        Assert.Equal((5, "Leading"), (profile.MaturityLevel!.Value, profile.MaturityLabel));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(19.99, 1)]
    [InlineData(20, 2)]
    [InlineData(39.99, 2)]
    [InlineData(40, 3)]
    [InlineData(59.99, 3)]
    [InlineData(60, 4)]
    [InlineData(79.99, 4)]
    [InlineData(80, 5)]
    [InlineData(100, 5)]
    public void LevelFor_BandEdges_PickTheRightLevel(double score, int level) =>
        Assert.Equal(level, ReadinessScorer.LevelFor(_drop.Scoring, (decimal)score)!.Level);

    [Fact]
    public void Score_DefaultSurveyBestAnswers_ScoresHundredEverywhere()
    {
        var answers = new List<(string, AnswerValue)>();
        foreach (var q in TestSurveys.Default.Questions)
        {
            AnswerValue? best = q.Type switch
            {
                QuestionType.SingleChoice => AnswerValue.Choice(q.Options.MaxBy(o => o.Score ?? -1)!.Value),
                QuestionType.MultipleChoice => AnswerValue.Choice(q.Options.Where(o => !o.Exclusive && !o.DontKnow).Select(o => o.Value).ToArray()),
                QuestionType.YesNo => AnswerValue.Of(true),
                QuestionType.Likert => AnswerValue.Of(q.Reverse ? q.Points[0].Point : q.Points[^1].Point),
                QuestionType.Number => AnswerValue.Of(q.Bands?.Single(b => b.Score == 4).Min ?? 1),
                _ => null,
            };
            if (best is not null)
            {
                answers.Add((q.Id, best));
            }
        }

        var profile = ReadinessScorer.Score(TestSurveys.Default, TestSurveys.Unitary, TestSurveys.Answers([.. answers]));

        Assert.All(profile.Dimensions, d => Assert.Equal(100m, d.Score));
        Assert.Equal(100m, profile.OverallScore);
        Assert.Equal("Leading", profile.MaturityLabel);
    }

    [Fact]
    public void Score_DefaultSurveyExploringCouncil_DropsUseAndValue()
    {
        var profile = ReadinessScorer.Score(TestSurveys.Default, TestSurveys.District, TestSurveys.Answers(("B1", AnswerValue.Choice("exploring"))));

        Assert.Equal(DimensionStatus.Dropped, profile.Dimension("use_value")!.Status);
        Assert.Equal(DimensionStatus.InsufficientData, profile.Dimension("governance")!.Status);
    }
}
