using System.Globalization;
using ReadinessSurvey.Publishing;

namespace ReadinessSurvey.Web.Pages.Publications;

/// <summary>A file a visitor may download, described by its kind and size as GOV.UK publications do.</summary>
public sealed record Download(string Name, string Title, string Group, string Type, long Bytes)
{
    public string Size => Downloads.Size(Bytes);
}

/// <summary>The publication's files that exist on disk, in the order the page lists them.</summary>
public static class Downloads
{
    public const string WorkbooksGroup = "Workbooks";
    public const string TablesGroup = "Headline tables";
    public const string ChartsGroup = "Charts and their data";

    public static IReadOnlyList<Download> Of(ReportFolder folder, PublishedReport report, PublishedFiles files)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(files);
        var all = new List<(string Name, string Title, string Group)>
        {
            (files.Workbook, "Published workbook", WorkbooksGroup),
        };
        if (files.Ods is { } ods)
        {
            all.Add((ods, "Published workbook", WorkbooksGroup));
        }

        all.AddRange(files.Page?.Tables.Select(t => (t.Csv, t.Title, TablesGroup)) ?? []);
        foreach (var chart in files.Charts)
        {
            all.Add((chart.Csv, chart.Title + ": chart data", ChartsGroup));
            all.Add((chart.Svg, chart.Title + ": chart", ChartsGroup));
            all.Add((chart.Png, chart.Title + ": chart", ChartsGroup));
        }

        return [.. all.Select(f => (f, Info: new FileInfo(folder.PathOf(report, f.Name))))
            .Where(f => f.Info.Exists)
            .Select(f => new Download(f.f.Name, f.f.Title, f.f.Group, TypeOf(f.f.Name), f.Info.Length))];
    }

    public static string TypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".xlsx" => "Excel spreadsheet (XLSX)",
        ".ods" => "OpenDocument spreadsheet (ODS)",
        ".csv" => "CSV",
        ".svg" => "SVG image",
        ".png" => "PNG image",
        _ => Path.GetExtension(name).TrimStart('.').ToUpperInvariant(),
    };

    /// <summary>"850 bytes", "12 KB", "1.4 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
    };
}
