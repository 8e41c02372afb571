using System.Globalization;
using ReadinessSurvey.Publishing;

namespace ReadinessSurvey.Web.Pages.Publications;

/// <summary>A file a visitor may download, described by its kind and size as GOV.UK publications do.</summary>
public sealed record Download(string Name, string Title, string Type, long Bytes)
{
    public string Size => Downloads.Size(Bytes);
}

/// <summary>The publication's files that exist on disk, in the order the page lists them.</summary>
public static class Downloads
{
    public static IReadOnlyList<Download> Of(PublishedReport report, PublishedFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var all = new List<(string Name, string Title)>
        {
            (files.Workbook, "Published workbook"),
        };
        if (files.Ods is { } ods)
        {
            all.Add((ods, "Published workbook"));
        }

        all.AddRange(files.Page?.Tables.Select(t => (t.Csv, t.Title)) ?? []);
        foreach (var chart in files.Charts)
        {
            all.Add((chart.Csv, chart.Title + ": chart data"));
            all.Add((chart.Svg, chart.Title + ": chart"));
            all.Add((chart.Png, chart.Title + ": chart"));
        }

        return [.. all.Select(f => (f, Info: new FileInfo(PublishingService.PathOf(report, f.Name))))
            .Where(f => f.Info.Exists)
            .Select(f => new Download(f.f.Name, f.f.Title, TypeOf(f.f.Name), f.Info.Length))];
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
