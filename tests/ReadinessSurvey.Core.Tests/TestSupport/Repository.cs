namespace ReadinessSurvey.Tests.TestSupport;

/// <summary>
/// Files in the repository, found by walking up from the test's output folder to the solution file. Only
/// tests look for the checkout: the platform's own folders come from settings (Storage:*, Reports:*).
/// </summary>
public static class Repository
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string Surveys => Path.Combine(Root, "surveys");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// Settings that keep everything the platform writes (reports, published files, mail, a default database)
    /// in <paramref name="folder"/>, with the repository's survey definitions: nothing lands in the checkout.
    /// </summary>
    public static Dictionary<string, string?> StorageSettings(string folder) => new()
    {
        ["Storage:DataFolder"] = Path.Combine(folder, "data"),
        ["Storage:SurveysFolder"] = Surveys,
        ["Reports:Folder"] = Path.Combine(folder, "reports"),
    };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "ReadinessSurvey.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ReadinessSurvey.sln not found above " + AppContext.BaseDirectory);
    }
}
