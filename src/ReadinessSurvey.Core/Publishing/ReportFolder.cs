namespace ReadinessSurvey.Publishing;

/// <summary>
/// The reports folder as a boundary: a file is served only when its full path lies inside it, so a
/// stored path that points elsewhere (edited by hand, or made with <c>--out</c>) is never read.
/// </summary>
public static class ReportFolder
{
    /// <summary>Where published copies live. The underscore keeps it apart from round folders, whose slugs never hold one.</summary>
    public const string PublishedFolderName = "_published";

    public static string Root => Path.GetFullPath(ProjectPaths.Reports);

    /// <summary>The folder holding one publication's files: its own copy of the workbook, and the charts.</summary>
    public static string PublishedFolder(long reportRunId) =>
        Path.Combine(Root, PublishedFolderName, "run-" + reportRunId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>True when <paramref name="path"/> is the reports folder's descendant (after resolving "..", never the folder itself).</summary>
    public static bool Contains(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return false;
        }

        var full = Path.GetFullPath(path);
        var root = Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) && full.Length > root.Length;
    }
}
