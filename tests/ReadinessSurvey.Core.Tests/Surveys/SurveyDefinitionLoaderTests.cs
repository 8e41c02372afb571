using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Surveys;

public class SurveyDefinitionLoaderTests
{
    private const string OneQuestion = """
        [ { "id": "S", "title": "S", "questions": [ { "id": "Q1", "type": "yesNo", "text": "Q1?", "dimension": "d" } ] } ]
        """;

    private static LoadResult Load(string json) => SurveyDefinitionLoader.LoadText(json, "surveys/x.json");

    /// <summary>1-based line of the first line containing the text, so tests need not count lines by hand.</summary>
    private static int LineOf(string json, string text) =>
        json.Split('\n').Select((line, i) => (line, i)).First(l => l.line.Contains(text, StringComparison.Ordinal)).i + 1;

    private static DefinitionError Single(LoadResult result, string jsonPath)
    {
        Assert.Null(result.Definition);
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors, e => e.JsonPath == jsonPath);
    }

    [Fact]
    public void LoadText_MinimalDefinition_IsValid()
    {
        var result = Load(TestSurveys.MinimalJson);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("test-survey", result.Definition!.Id);
        Assert.Equal(TestSurveys.MinimalJson, result.RawText);
    }

    [Fact]
    public void LoadText_AnyText_HashIsLowercaseSha256OfUtf8()
    {
        var result = Load("{}");

        Assert.Equal("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", result.ContentHash);
    }

    [Fact]
    public void LoadText_InvalidJson_ReportsLine()
    {
        var json = "{\n  \"id\": \"x\",\n  \"version\": 1,\n  \"title\": \"T\" \"sections\": []\n}";

        var error = Assert.Single(Load(json).Errors);

        Assert.Equal(4, error.Line);
        Assert.StartsWith("The file is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_UnknownProperty_ReportsSchemaErrorWithPathAndLine()
    {
        var json = """
            {
              "id": "test-survey",
              "version": 1,
              "title": "T",
              "sections": [
                {
                  "id": "S",
                  "title": "S",
                  "questions": [
                    { "id": "Q1", "type": "yesNo", "text": "Q1?" },
                    { "id": "Q2", "type": "text", "text": "Q2?",
                      "colour": "red" }
                  ]
                }
              ],
              "scoring": { "dimensions": [ { "id": "d", "label": "D", "weight": 1 } ],
                "maturityLevels": [ { "level": 1, "label": "N", "minScore": 0 } ] }
            }
            """;

        var error = Single(Load(json), "$.sections[0].questions[1].colour");

        Assert.Equal(12, error.Line);
        Assert.Contains("'colour' is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_MissingRequiredProperty_ReportsSchemaError()
    {
        var json = TestSurveys.Json("""[ { "id": "S", "title": "S", "questions": [ { "id": "Q1", "type": "yesNo" } ] } ]""");

        var error = Single(Load(json), "$.sections[0].questions[0]");

        Assert.Contains("text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_PropertyOfAnotherQuestionType_IsNotAllowed()
    {
        var json = TestSurveys.Json("""[ { "id": "S", "title": "S", "questions": [ { "id": "Q1", "type": "text", "text": "T", "min": 3 } ] } ]""");

        Single(Load(json), "$.sections[0].questions[0].min");
    }

    [Fact]
    public void LoadText_DuplicateSectionId_IsReported()
    {
        var json = TestSurveys.Json("""
            [ { "id": "S", "title": "S", "questions": [ { "id": "Q1", "type": "yesNo", "text": "Q1?", "dimension": "d" } ] },
              { "id": "S", "title": "S2", "questions": [ { "id": "Q2", "type": "yesNo", "text": "Q2?" } ] } ]
            """);

        var error = Single(Load(json), "$.sections[1].id");

        Assert.Equal("Section id 'S' is used more than once.", error.Message);
        Assert.Equal(LineOf(json, "\"S2\"") - 1, error.Line);
    }

    [Fact]
    public void LoadText_DuplicateQuestionIdAcrossSections_IsReported()
    {
        var json = TestSurveys.Json("""
            [ { "id": "S", "title": "S", "questions": [ { "id": "Q1", "type": "yesNo", "text": "Q1?", "dimension": "d" } ] },
              { "id": "T", "title": "T", "questions": [ { "id": "Q1", "type": "yesNo", "text": "Again" } ] } ]
            """);

        var error = Single(Load(json), "$.sections[1].questions[0].id");

        Assert.Equal("Question id 'Q1' is used more than once.", error.Message);
    }

    [Fact]
    public void LoadText_DuplicateOptionValue_IsReported()
    {
        var json = TestSurveys.Json("""
            [ { "id": "S", "title": "S", "questions": [ { "id": "Q1", "type": "singleChoice", "text": "Q1?",
                "options": [ { "value": "a", "label": "A" }, { "value": "a", "label": "Also A" } ] } ] } ]
            """);

        Single(Load(json), "$.sections[0].questions[0].options[1].value");
    }

    [Theory]
    [InlineData("{ \"value\": \"dont-know\", \"label\": \"Don't know\", \"dontKnow\": true }")]
    [InlineData("{ \"value\": \"unsure\", \"label\": \"Don't know\", \"dontKnow\": true }")]
    [InlineData("{ \"value\": \"Dont_Know\", \"label\": \"Don't know\" }")]
    public void LoadText_DontKnowOptionWithAnotherCode_IsRefusedNamingTheOneCode(string option)
    {
        var json = TestSurveys.Json($$"""
            [ { "id": "S", "title": "S", "questions": [ { "id": "Q1", "type": "singleChoice", "text": "Q1?",
                "options": [ { "value": "a", "label": "A" }, {{option}} ] } ] } ]
            """);

        var error = Single(Load(json), "$.sections[0].questions[0].options[1].value");

        Assert.Contains($"'{AnswerStorage.DontKnowCode}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_DontKnowOptionWithTheOneCode_IsValid()
    {
        var json = TestSurveys.Json("""
            [ { "id": "S", "title": "S", "questions": [ { "id": "Q1", "type": "singleChoice", "text": "Q1?",
                "options": [ { "value": "a", "label": "A" }, { "value": "dont_know", "label": "Don't know", "dontKnow": true } ] } ] } ]
            """);

        Assert.True(Load(json).IsValid, string.Join("\n", Load(json).Errors));
    }

    [Fact]
    public void LoadText_OptionScoreOutsideRange_ReportsOnePlainMessageWithLine()
    {
        var json = TestSurveys.Json("""
            [ { "id": "S", "title": "S", "questions": [ { "id": "Q1", "type": "singleChoice", "text": "Q1?", "dimension": "d",
                "options": [ { "value": "a", "label": "A", "score": 0 }, { "value": "b", "label": "B", "score": 5 } ] } ] } ]
            """);

        var error = Single(Load(json), "$.sections[0].questions[0].options[1].score");

        Assert.Equal("Option score 5 is outside 0-4.", error.Message);
        Assert.Equal(LineOf(json, "\"score\": 5"), error.Line);
        Assert.Equal($"surveys/x.json:{error.Line} $.sections[0].questions[0].options[1].score: Option score 5 is outside 0-4.", error.ToString());
    }

    [Fact]
    public void LoadText_DimensionNotInScoring_IsReported()
    {
        var json = TestSurveys.Json(OneQuestion.Replace("\"dimension\": \"d\"", "\"dimension\": \"nope\"", StringComparison.Ordinal));

        var error = Single(Load(json), "$.sections[0].questions[0].dimension");

        Assert.Equal("Dimension 'nope' is not listed in scoring.dimensions.", error.Message);
    }

    [Fact]
    public void LoadText_QuestionWeightZero_IsReported()
    {
        var json = TestSurveys.Json(OneQuestion.Replace("\"dimension\": \"d\"", "\"dimension\": \"d\", \"weight\": 0", StringComparison.Ordinal));

        var error = Single(Load(json), "$.sections[0].questions[0].weight");

        Assert.Equal("Question weight 0 must be more than 0.", error.Message);
    }

    [Fact]
    public void LoadText_DimensionWeightNegative_IsReported()
    {
        var json = TestSurveys.Json(OneQuestion, """[ { "id": "d", "label": "D", "weight": -2 } ]""");

        var error = Single(Load(json), "$.scoring.dimensions[0].weight");

        Assert.Equal("Dimension weight -2 must be more than 0.", error.Message);
    }

    [Fact]
    public void LoadText_MaturityBandsNotAscending_IsReported()
    {
        var json = TestSurveys.MinimalJson.Replace("\"minScore\": 40", "\"minScore\": 10", StringComparison.Ordinal);

        var error = Single(Load(json), "$.scoring.maturityLevels[2].minScore");

        Assert.Contains("ascending", error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(json, "\"minScore\": 10"), error.Line);
    }

    [Fact]
    public void LoadText_SeveralProblems_ReportsAllAndNoDefinition()
    {
        var json = TestSurveys.Json("""
            [ { "id": "S", "title": "S", "questions": [
                { "id": "Q1", "type": "singleChoice", "text": "x", "dimension": "nope", "weight": 0, "bogus": 1,
                  "options": [ { "value": "a", "label": "A", "score": 5 }, { "value": "a", "label": "A2" } ] },
                { "id": "Q1", "type": "number", "text": "y", "showIf": "[Q9] > 2 and Exec('x')" },
                { "type": "wrong", "text": "w" } ] } ]
            """);

        var result = Load(json);

        Assert.Null(result.Definition);
        Assert.Equal(
            [
                "$.sections[0].questions[0].dimension",
                "$.sections[0].questions[0].weight",
                "$.sections[0].questions[0].bogus",
                "$.sections[0].questions[0].options[0].score",
                "$.sections[0].questions[0].options[1].value",
                "$.sections[0].questions[1].id",
                "$.sections[0].questions[1].showIf",
                "$.sections[0].questions[1].showIf",
                "$.sections[0].questions[2]",
                "$.sections[0].questions[2].type",
            ],
            result.Errors.Select(e => e.JsonPath));
        Assert.All(result.Errors, e => Assert.NotNull(e.Line));
        Assert.Equal(result.Errors.OrderBy(e => e.Line).Select(e => e.Line), result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void LoadFile_MissingFile_ReportsErrorInsteadOfThrowing()
    {
        var result = SurveyDefinitionLoader.LoadFile(Path.Combine(Path.GetTempPath(), "no-such-survey.json"));

        Assert.False(result.IsValid);
        Assert.Single(result.Errors);
    }
}
