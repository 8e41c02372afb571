using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.StaticFiles;
using ReadinessSurvey.Publishing;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Reporting.Excel;

namespace ReadinessSurvey.Web.Pages.Admin.Reports;

/// <summary>
/// The files a finished report run wrote, found from its OutputPath: one workbook; the export's xlsx with
/// its CSV and codebook beside it; or, for "councils", the round folder, of which only that day's council
/// workbooks belong to the run. Only files inside the reports folder are ever returned.
/// </summary>
public static class ReportRunFiles
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IReadOnlyList<string> Of(ReportRun run, ReportFolder reports)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(reports);
        var path = run.OutputPath;
        if (run.Status != ReportRunStatus.Succeeded || !reports.Contains(path))
        {
            return [];
        }

        var full = Path.GetFullPath(path!);
        IEnumerable<string> files;
        if (Directory.Exists(full))
        {
            // The council files carry the date they were generated on (the run's start, or its end if it ran past midnight).
            var dates = new[] { run.StartedAt, run.CompletedAt }.OfType<DateTime>().Select(Day).Distinct();
            files = dates.SelectMany(d => Directory.EnumerateFiles(full, $"council-*-{d}.xlsx")).Order(StringComparer.Ordinal);
        }
        else if (run.Kind == ReportKinds.Export && File.Exists(full))
        {
            var folder = Path.GetDirectoryName(full)!;
            var date = Path.GetFileNameWithoutExtension(full)[^10..];
            files = [full, Path.ChangeExtension(full, ".csv"), Path.Combine(folder, $"responses-codebook-{date}.csv")];
        }
        else
        {
            files = [full];
        }

        return [.. files.Where(f => reports.Contains(f) && File.Exists(f))];
    }

    /// <summary>The name a download takes: the round's folder name and the file's, cleaned.</summary>
    public static string DownloadName(string file, string? extension = null)
    {
        var round = Path.GetFileName(Path.GetDirectoryName(file)) ?? "";
        var stem = Path.GetFileNameWithoutExtension(file);
        return $"{WorkbookNames.Slug(round + "-" + stem)}{extension ?? "." + WorkbookNames.Slug(Path.GetExtension(file))}";
    }

    public static string ContentTypeOf(string fileName) =>
        ContentTypes.TryGetContentType(fileName, out var type) ? type : "application/octet-stream";

    /// <summary>
    /// Zips the files into a temporary file that deletes itself when the returned stream is closed (after
    /// the response is sent): memory stays flat however many workbooks there are.
    /// </summary>
    public static Stream Zip(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var temporary = Path.Combine(Path.GetTempPath(), "readiness-zip-" + Guid.NewGuid().ToString("N") + ".zip");
        using (var archive = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            foreach (var file in files)
            {
                // Workbooks are zip packages already; compressing them again costs time and saves nothing.
                var level = Path.GetExtension(file) == ".xlsx" ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
                archive.CreateEntryFromFile(file, Path.GetFileName(file), level);
            }
        }

        return new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
    }

    private static string Day(DateTime at) => DateOnly.FromDateTime(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
