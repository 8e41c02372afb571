namespace ReadinessSurvey.Tests;

/// <summary>Finds repository folders by walking up from the test output to the solution file.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> _root = new(FindRoot);

    public static string Root => _root.Value;

    public static string Surveys => Path.Combine(Root, "surveys");

    public static string DefaultSurvey => Path.Combine(Surveys, "ai-readiness-2024-25.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReadinessSurvey.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ReadinessSurvey.sln not found above " + AppContext.BaseDirectory);
    }
}
