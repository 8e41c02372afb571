using System.Text.Json.Nodes;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Surveys;

/// <summary>Small crafted definitions for tests, built from a valid minimal one.</summary>
internal static class TestSurveys
{
    public static readonly CouncilProfile District = new("E07000223", "Adur", "E07", "E12000008", "lower");
    public static readonly CouncilProfile County = new("E10000032", "West Sussex", "E10", "E12000008", "upper");
    public static readonly CouncilProfile Unitary = new("E06000043", "Brighton and Hove", "E06", "E12000008", "unitary");

    private static readonly Lazy<SurveyDefinition> _default = new(() =>
        SurveyDefinitionLoader.LoadFile(RepositoryPaths.DefaultSurvey).Definition
        ?? throw new InvalidOperationException("The default survey does not load."));

    public static SurveyDefinition Default => _default.Value;

    /// <summary>A valid definition with one section "S" holding question "Q1" and dimension "d".</summary>
    public const string MinimalJson = """
        {
          "$schema": "./survey.schema.json",
          "id": "test-survey",
          "version": 1,
          "title": "Test",
          "sections": [
            {
              "id": "S",
              "title": "Section",
              "questions": [
                { "id": "Q1", "type": "yesNo", "text": "Q1?", "dimension": "d" }
              ]
            }
          ],
          "scoring": {
            "dimensions": [ { "id": "d", "label": "D", "weight": 1 } ],
            "coverageThreshold": 0.6,
            "maturityLevels": [
              { "level": 1, "label": "Nascent", "minScore": 0 },
              { "level": 2, "label": "Exploring", "minScore": 20 },
              { "level": 3, "label": "Developing", "minScore": 40 },
              { "level": 4, "label": "Embedded", "minScore": 60 },
              { "level": 5, "label": "Leading", "minScore": 80 }
            ],
            "skippedSection": "drop"
          }
        }
        """;

    /// <summary>The minimal definition with its sections, dimensions and settings replaced.</summary>
    public static string Json(string sectionsJson, string? dimensionsJson = null, string skippedSection = "drop")
    {
        var root = JsonNode.Parse(MinimalJson)!.AsObject();
        root["sections"] = JsonNode.Parse(sectionsJson);
        if (dimensionsJson is not null)
        {
            root["scoring"]!["dimensions"] = JsonNode.Parse(dimensionsJson);
        }

        root["scoring"]!["skippedSection"] = skippedSection;
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Loads crafted JSON and fails the test with every error when it does not load.</summary>
    public static SurveyDefinition Load(string json)
    {
        var result = SurveyDefinitionLoader.LoadText(json, "test.json");
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Definition!;
    }

    public static AnswerSet Answers(params (string Id, AnswerValue Value)[] answers) =>
        new(answers.Select(a => new KeyValuePair<string, AnswerValue>(a.Id, a.Value)));
}
