using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Surveys;

public class DefaultSurveyTests
{
    [Fact]
    public void LoadFile_DefaultSurvey_HasNoErrors()
    {
        var result = SurveyDefinitionLoader.LoadFile(RepositoryPaths.DefaultSurvey);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void LoadFile_DefaultSurvey_HasNineSectionsAndAboutFiftyQuestions()
    {
        var definition = TestSurveys.Default;

        Assert.Equal(["A", "B", "C", "D", "E", "F", "G", "H", "I"], definition.Sections.Select(s => s.Id));
        Assert.InRange(definition.Questions.Count, 45, 60);
    }

    [Fact]
    public void LoadFile_DefaultSurvey_HasSevenWeightedDimensionsWithGuidanceForEveryLevel()
    {
        var scoring = TestSurveys.Default.Scoring;

        Assert.Equal(
            [("adoption", 15m), ("use_value", 10m), ("strategy", 15m), ("governance", 20m), ("data", 15m), ("technology", 10m), ("skills", 15m)],
            scoring.Dimensions.Select(d => (d.Id, d.Weight)));
        Assert.All(scoring.Dimensions, d => Assert.All(Enumerable.Range(1, 5), level => Assert.False(string.IsNullOrWhiteSpace(d.GuidanceFor(level)))));
        Assert.Equal(SkippedSectionRule.Drop, scoring.SkippedSection);
        Assert.Equal(0.6m, scoring.CoverageThreshold);
        Assert.Equal([0m, 20m, 40m, 60m, 80m], scoring.MaturityLevels.Select(l => l.MinScore));
    }

    [Fact]
    public void LoadFile_DefaultSurvey_ProfileAndBarriersAreNotScored()
    {
        var definition = TestSurveys.Default;

        Assert.All(definition.Sections.Single(s => s.Id == "A").Questions, q => Assert.False(q.IsScored));
        Assert.All(definition.Sections.Single(s => s.Id == "I").Questions, q => Assert.False(q.IsScored));
    }

    [Fact]
    public void LoadFolder_SurveysFolder_LoadsEveryDefinitionButNotTheSchema()
    {
        var results = SurveyDefinitionCatalog.LoadFolder(RepositoryPaths.Surveys);

        Assert.NotEmpty(results);
        Assert.DoesNotContain(results, r => r.FileName.EndsWith(SurveyDefinitionCatalog.SchemaFileName, StringComparison.Ordinal));
        Assert.All(results, r => Assert.True(r.IsValid, string.Join(Environment.NewLine, r.Errors)));
    }

    [Fact]
    public void SchemaText_Embedded_MatchesTheFileInSurveysFolder()
    {
        var onDisk = File.ReadAllText(Path.Combine(RepositoryPaths.Surveys, SurveyDefinitionCatalog.SchemaFileName));

        Assert.Equal(onDisk, SurveyDefinitionLoader.SchemaText());
    }
}
