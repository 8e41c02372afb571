using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests;

/// <summary>Repository folders the survey tests read (see <see cref="Repository"/>).</summary>
internal static class RepositoryPaths
{
    public static string Root => Repository.Root;

    public static string Surveys => Repository.Surveys;

    public static string DefaultSurvey => Path.Combine(Surveys, "ai-readiness-2024-25.json");
}
