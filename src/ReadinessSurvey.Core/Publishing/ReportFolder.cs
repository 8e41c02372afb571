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

    /// <summary>
    /// A new publication's folder, relative to <see cref="Root"/>: under the round's own folder name (taken
    /// from the workbook's), so each publication's files are apart from every other's.
    /// </summary>
    public static string NewPublishedFolder(string workbookPath, long reportRunId) =>
        Path.Combine(PublishedFolderName, Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(workbookPath))) ?? "round",
            "run-" + reportRunId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The full path of a folder stored relative to <see cref="Root"/>, or null when it would lie outside.</summary>
    public static string? Resolve(string relativeFolder)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativeFolder ?? ""));
        return Contains(full) ? full : null;
    }

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
