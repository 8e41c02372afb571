using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Surveys;

public class AnswerSetTests
{
    [Fact]
    public void ToJson_MixedAnswers_IsCompactAndOrderedById()
    {
        var answers = TestSurveys.Answers(
            ("B3", AnswerValue.Of(4)),
            ("B1", AnswerValue.Choice("piloting")),
            ("D2", AnswerValue.Of(true)),
            ("I1", new AnswerValue { Options = ["funding"], Other = "Parking" }),
            ("E8", AnswerValue.DontKnowAnswer),
            ("C2", AnswerValue.OfText("Chat")));

        Assert.Equal(
            """{"B1":{"o":["piloting"]},"B3":{"n":4},"C2":{"t":"Chat"},"D2":{"b":true},"E8":{"dk":true},"I1":{"o":["funding"],"x":"Parking"}}""",
            answers.ToJson());
    }

    [Fact]
    public void FromJson_ToJson_RoundTrips()
    {
        const string json = """{"A3":{"n":1250.5},"B1":{"o":["live_some"]},"F1":{"b":false}}""";

        var answers = AnswerSet.FromJson(json);

        Assert.Equal(json, answers.ToJson());
        Assert.Equal(1250.5m, answers["A3"].Number);
    }

    [Fact]
    public void ToJson_SingleAnswer_IsCompact() =>
        Assert.Equal("""{"o":["a","b"]}""", AnswerValue.Choice("a", "b").ToJson());

    [Fact]
    public void FromJson_SingleAnswer_EqualsOriginal() =>
        Assert.Equal(AnswerValue.Choice("a"), AnswerValue.FromJson("""{"o":["a"]}"""));

    [Fact]
    public void With_EmptyAnswer_RemovesTheQuestion()
    {
        var answers = TestSurveys.Answers(("B1", AnswerValue.Choice("piloting")));

        var cleared = answers.With("B1", new AnswerValue());

        Assert.False(cleared.ContainsKey("B1"));
        Assert.True(answers.ContainsKey("B1"));
    }
}
