namespace ReadinessSurvey;

/// <summary>
/// Where the platform keeps its files by default. Everything is found from the repository root
/// (the folder holding ReadinessSurvey.sln), so the web app and the CLI share one database and one
/// reports folder whichever folder they are started from.
/// </summary>
public static class ProjectPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);
    private static string? s_reports;

    /// <summary>The repository root, or the current directory when the app runs outside a checkout.</summary>
    public static string Root => s_root.Value;

    /// <summary>The survey definitions folder: <c>surveys/</c>.</summary>
    public static string Surveys => Path.Combine(Root, "surveys");

    /// <summary>
    /// Where generated reports and published files go: <c>Reports:Folder</c> when set (with several nodes, a
    /// folder every node mounts at the same path; see docs/decisions/0050), otherwise <c>reports/</c>.
    /// </summary>
    public static string Reports => s_reports ?? Path.Combine(Root, "reports");

    /// <summary>Sets the reports folder from configuration, once at start-up; null or blank keeps the default.</summary>
    public static void UseReportsFolder(string? folder)
    {
        if (!string.IsNullOrWhiteSpace(folder))
        {
            s_reports = Path.GetFullPath(folder);
        }
    }

    /// <summary>The embedded database's folder: <c>data/</c> (git-ignored).</summary>
    public static string Data => Path.Combine(Root, "data");

    /// <summary>The embedded SQLite database: <c>data/readiness.db</c>.</summary>
    public static string DefaultSqliteFile => Path.Combine(Data, "readiness.db");

    /// <summary>The SQLite connection string used when none is configured.</summary>
    public static string DefaultSqliteConnectionString => $"Data Source={DefaultSqliteFile}";

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ReadinessSurvey.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
