using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Surveys;

/// <summary>Load-time checks of showIf conditions, driven through the loader as authors meet them.</summary>
public class ConditionCheckerTests
{
    private const string OneQuestion = """
        [ { "id": "S", "title": "S", "questions": [ { "id": "Q1", "type": "yesNo", "text": "Q1?", "dimension": "d" } ] } ]
        """;

    private static LoadResult Load(string json) => SurveyDefinitionLoader.LoadText(json, "surveys/x.json");

    private static int LineOf(string json, string text) =>
        json.Split('\n').Select((line, i) => (line, i)).First(l => l.line.Contains(text, StringComparison.Ordinal)).i + 1;

    private static DefinitionError Single(LoadResult result, string jsonPath)
    {
        Assert.Null(result.Definition);
        return Assert.Single(result.Errors, e => e.JsonPath == jsonPath);
    }

    [Theory]
    [InlineData("[Q9] = 'a'", "Condition refers to unknown question 'Q9'.")]
    [InlineData("[Q2] = 'a'", "Condition of Q2 refers to the question itself.")]
    [InlineData("[Q3] > 1", "Condition refers to Q3, which comes later in the survey. Conditions may only use earlier questions.")]
    [InlineData("selected([Q1], 'zz')", "Question Q1 has no option 'zz'.")]
    [InlineData("[council.colour] = 'red'", "Unknown council fact [council.colour]. Use one of: council.code, council.name, council.region, council.tier, council.type.")]
    public void LoadText_BadConditionReference_IsReported(string condition, string message)
    {
        var json = TestSurveys.Json($$"""
            [ { "id": "S", "title": "S", "questions": [
                { "id": "Q1", "type": "multipleChoice", "text": "Q1?", "options": [ { "value": "a", "label": "A" } ] },
                { "id": "Q2", "type": "singleChoice", "text": "Q2?", "showIf": "{{condition}}", "options": [ { "value": "a", "label": "A" } ] },
                { "id": "Q3", "type": "number", "text": "Q3?" },
                { "id": "Q4", "type": "yesNo", "text": "Q4?", "dimension": "d" } ] } ]
            """);

        var error = Single(Load(json), "$.sections[0].questions[1].showIf");

        Assert.Equal(message, error.Message);
        Assert.Equal(LineOf(json, "\"showIf\""), error.Line);
    }

    [Fact]
    public void LoadText_ConditionOnAQuestionAboutTheContributor_IsReported()
    {
        var json = TestSurveys.Json("""
            [ { "id": "S", "title": "S", "questions": [
                { "id": "Q1", "type": "singleChoice", "about": "contributor", "text": "Your role?", "options": [ { "value": "a", "label": "A" } ] },
                { "id": "Q2", "type": "yesNo", "text": "Q2?", "dimension": "d", "showIf": "[Q1] = 'a'" } ] } ]
            """);

        var error = Single(Load(json), "$.sections[0].questions[1].showIf");

        Assert.Equal("Condition refers to Q1, which each contributor answers for themselves, so the return has no one answer to it.", error.Message);
    }

    [Fact]
    public void LoadText_ScoredQuestionAboutTheContributor_IsReported()
    {
        var json = TestSurveys.Json("""
            [ { "id": "S", "title": "S", "questions": [
                { "id": "Q1", "type": "yesNo", "about": "contributor", "text": "Q1?", "dimension": "d" } ] } ]
            """);

        var error = Single(Load(json), "$.sections[0].questions[0].dimension");

        Assert.StartsWith("Question Q1 is about the contributor, so it cannot be scored", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_SectionConditionOnItsOwnQuestion_IsReportedAsLater()
    {
        var json = TestSurveys.Json("""
            [ { "id": "S", "title": "S", "questions": [ { "id": "Q1", "type": "yesNo", "text": "Q1?", "dimension": "d" } ] },
              { "id": "T", "title": "T", "showIf": "[Q2]", "questions": [ { "id": "Q2", "type": "yesNo", "text": "Q2?" } ] } ]
            """);

        var error = Single(Load(json), "$.sections[1].showIf");

        Assert.Contains("comes later", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_OptionConditionOnLaterQuestion_IsReported()
    {
        var json = TestSurveys.Json("""
            [ { "id": "S", "title": "S", "questions": [
                { "id": "Q1", "type": "singleChoice", "text": "Q1?", "options": [ { "value": "a", "label": "A", "showIf": "[Q2]" } ] },
                { "id": "Q2", "type": "yesNo", "text": "Q2?", "dimension": "d" } ] } ]
            """);

        Single(Load(json), "$.sections[0].questions[0].options[0].showIf");
    }

    [Fact]
    public void LoadText_ConditionSyntaxError_IsReported()
    {
        var json = TestSurveys.Json(OneQuestion.Replace("\"dimension\": \"d\"", "\"dimension\": \"d\", \"showIf\": \"[council.type] = \"", StringComparison.Ordinal));

        var error = Single(Load(json), "$.sections[0].questions[0].showIf");

        Assert.StartsWith("Condition '[council.type] = ' is not a valid expression", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Exec('rm -rf /')")]
    [InlineData("System.IO.File.Delete('x')")]
    [InlineData("Sqrt(4) = 2")]
    [InlineData("[council.type] like 'E%'")]
    [InlineData("answered(null)")]
    public void LoadText_MaliciousOrUnsupportedExpression_IsRefused(string condition)
    {
        var json = TestSurveys.Json(OneQuestion.Replace("\"dimension\": \"d\"", $"\"dimension\": \"d\", \"showIf\": \"{condition}\"", StringComparison.Ordinal));

        var result = Load(json);

        Assert.Null(result.Definition);
        Assert.Contains(result.Errors, e => e.JsonPath == "$.sections[0].questions[0].showIf");
    }
}
