namespace ReadinessSurvey.Tests.TestSupport;

/// <summary>Files in the repository, found from the test's output folder.</summary>
public static class Repository
{
    public static string Root => ProjectPaths.Root;

    public static string Surveys => Path.Combine(Root, "surveys");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);
}
