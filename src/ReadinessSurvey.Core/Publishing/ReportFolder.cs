using ReadinessSurvey.Reporting.Excel;
using ReadinessSurvey.Storage;

namespace ReadinessSurvey.Publishing;

/// <summary>
/// The reports and published folders as boundaries: a file is served only when its full path lies inside
/// one of them, so a stored path that points elsewhere (edited by hand, or made with <c>--out</c>) is never read.
/// </summary>
public sealed class ReportFolder(StoragePaths paths)
{
    /// <summary>Where generated reports go (<c>Reports:Folder</c>).</summary>
    public string Root { get; } = paths.Reports;

    /// <summary>Where published copies go (<c>Reports:PublishedFolder</c>).</summary>
    public string PublishedRoot { get; } = paths.Published;

    /// <summary>A report's full path: <c>&lt;round-slug&gt;/&lt;kind&gt;-&lt;date&gt;.&lt;ext&gt;</c> under <see cref="Root"/>.</summary>
    public string PathFor(string roundSlug, string kind, DateOnly date, string extension) =>
        Path.Combine(Root, ReportFileNames.RelativePath(roundSlug, kind, date, extension).Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// A new publication's folder, relative to <see cref="PublishedRoot"/>: under the round's own folder name (taken
    /// from the workbook's), so each publication's files are apart from every other's.
    /// </summary>
    public static string NewPublishedFolder(string workbookPath, long reportRunId) =>
        Path.Combine(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(workbookPath))) ?? "round",
            "run-" + reportRunId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The full path of a publication's folder stored relative to <see cref="PublishedRoot"/>, or null when it would lie outside.</summary>
    public string? ResolvePublished(string relativeFolder)
    {
        var full = Path.GetFullPath(Path.Combine(PublishedRoot, relativeFolder ?? ""));
        return Inside(PublishedRoot, full) ? full : null;
    }

    /// <summary>A publication's list of files, or null when its folder is missing or lies outside the published folder.</summary>
    public PublishedFiles? FilesOf(PublishedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ResolvePublished(report.Folder) is { } folder ? PublishedFiles.Read(folder) : null;
    }

    /// <summary>The full path of one of a publication's files; the name must come from its <see cref="PublishedFiles"/>.</summary>
    public string PathOf(PublishedReport report, string listedName)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Path.Combine(ResolvePublished(report.Folder) ?? throw new InvalidOperationException("The publication's folder is outside the published folder."), listedName);
    }

    /// <summary>True when <paramref name="path"/> is the reports folder's descendant (after resolving "..", never the folder itself).</summary>
    public bool Contains(string? path) => !string.IsNullOrWhiteSpace(path) && Inside(Root, Path.GetFullPath(path));

    private static bool Inside(string root, string full)
    {
        root = root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) && full.Length > root.Length;
    }
}
