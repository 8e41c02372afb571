using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Surveys;

public class ConditionTests
{
    private static readonly SurveyDefinition _definition = TestSurveys.Load(TestSurveys.Json("""
        [ { "id": "S", "title": "S", "questions": [
            { "id": "N", "type": "number", "text": "N?" },
            { "id": "C", "type": "singleChoice", "text": "C?", "options": [ { "value": "a", "label": "A", "score": 1 }, { "value": "b", "label": "B", "score": 3 } ] },
            { "id": "M", "type": "multipleChoice", "text": "M?", "options": [ { "value": "x", "label": "X" }, { "value": "y", "label": "Y" } ] },
            { "id": "Y", "type": "yesNo", "text": "Y?", "dimension": "d" },
            { "id": "L", "type": "likert", "text": "L?", "points": [ { "point": 1, "label": "Low" }, { "point": 2, "label": "High" } ] },
            { "id": "T", "type": "text", "text": "T?" } ] } ]
        """));

    private static bool Evaluate(string text, params (string Id, AnswerValue Value)[] answers)
    {
        var condition = Condition.TryParse(text, out var error) ?? throw new InvalidOperationException(error);
        Assert.Empty(ConditionChecker.Check(condition, _definition, new ConditionOwner(null, int.MaxValue)));
        var answerSet = TestSurveys.Answers(answers);
        var options = _definition.Questions.ToDictionary(q => q.Id, q => (IReadOnlyList<string>)q.Options.Select(o => o.Value).ToList());
        return condition.IsTrue(new AnswerScope(_definition, TestSurveys.District, answerSet, options));
    }

    [Theory]
    [InlineData("[N] > 2")]
    [InlineData("[N] < 2")]
    [InlineData("[N] = 2")]
    [InlineData("[N] != 2")]
    [InlineData("[C] = 'a'")]
    [InlineData("[C] != 'a'")]
    [InlineData("[C.score] >= 2")]
    [InlineData("[C] in ('a', 'b')")]
    [InlineData("[C] not in ('a', 'b')")]
    [InlineData("[Y] = true")]
    [InlineData("[L] >= 1")]
    [InlineData("[N] + 1 > 0")]
    [InlineData("selected([M], 'x')")]
    [InlineData("answered([N])")]
    [InlineData("count([M]) > 0")]
    public void IsTrue_Unanswered_IsFalseWithoutException(string text) =>
        Assert.False(Evaluate(text));

    [Fact]
    public void IsTrue_CountOfUnanswered_IsZero() =>
        Assert.True(Evaluate("count([M]) = 0"));

    [Theory]
    [InlineData("[N] > 2", 3, true)]
    [InlineData("[N] > 2", 2, false)]
    [InlineData("[N] >= 2.0", 2, true)]
    [InlineData("[N] * 2 = 5", 2.5, true)]
    public void IsTrue_NumberComparison_UsesDecimalValue(string text, double value, bool expected) =>
        Assert.Equal(expected, Evaluate(text, ("N", AnswerValue.Of((decimal)value))));

    [Theory]
    [InlineData("[C] = 'b'", true)]
    [InlineData("[C.score] >= 2", true)]
    [InlineData("[C.score] >= 4", false)]
    [InlineData("[C] in ('a', 'b')", true)]
    [InlineData("[C] not in ('a')", true)]
    public void IsTrue_SingleChoice_ExposesValueAndScore(string text, bool expected) =>
        Assert.Equal(expected, Evaluate(text, ("C", AnswerValue.Choice("b"))));

    [Theory]
    [InlineData("selected([M], 'x')", true)]
    [InlineData("selected([M], 'y')", false)]
    [InlineData("count([M]) = 1", true)]
    [InlineData("answered([M]) and not answered([N])", true)]
    public void IsTrue_MultipleChoice_SupportsSelectedAndCount(string text, bool expected) =>
        Assert.Equal(expected, Evaluate(text, ("M", AnswerValue.Choice("x"))));

    [Theory]
    [InlineData("[council.type] = 'E07'", true)]
    [InlineData("[council.type] != 'E07'", false)]
    [InlineData("[council.tier] = 'lower' && [council.region] = 'E12000008'", true)]
    public void IsTrue_CouncilFacts_AreAvailable(string text, bool expected) =>
        Assert.Equal(expected, Evaluate(text));

    [Fact]
    public void IsTrue_YesNoAndLikert_GiveBooleanAndPoint()
    {
        Assert.True(Evaluate("[Y] and [L] = 2", ("Y", AnswerValue.Of(true)), ("L", AnswerValue.Of(2))));
        Assert.False(Evaluate("[Y]", ("Y", AnswerValue.Of(false))));
    }

    [Fact]
    public void IsTrue_DontKnow_CountsAsAnsweredButHasNoValue()
    {
        Assert.True(Evaluate("answered([Y])", ("Y", AnswerValue.DontKnowAnswer)));
        Assert.False(Evaluate("[Y] = true", ("Y", AnswerValue.DontKnowAnswer)));
        Assert.False(Evaluate("[Y] = false", ("Y", AnswerValue.DontKnowAnswer)));
    }

    [Fact]
    public void IsTrue_TypeMismatch_IsFalseNotAnError() =>
        Assert.False(Evaluate("[T] > 3", ("T", AnswerValue.OfText("hello"))));
}
