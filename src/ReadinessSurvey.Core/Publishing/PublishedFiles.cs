using System.Text.Json;

namespace ReadinessSurvey.Publishing;

/// <summary>
/// What a publication's folder holds, written beside the files as <c>published.json</c>. Public
/// downloads are served only by exact name from this list, never from a path in the request.
/// </summary>
/// <param name="Workbook">The published workbook (xlsx).</param>
/// <param name="Charts">Each chart's files.</param>
/// <param name="Ods">The same workbook as an OpenDocument spreadsheet; null for publications made before it was offered.</param>
/// <param name="Page">The publication page's findings and tables; null for publications made before the page existed.</param>
public sealed record PublishedFiles(string Workbook, IReadOnlyList<PublishedChart> Charts, string? Ods = null, PublicationPage? Page = null)
{
    public const string ManifestName = "published.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>Every file name a visitor may download.</summary>
    public IEnumerable<string> Names => Charts.SelectMany(c => new[] { c.Png, c.Svg, c.Csv })
        .Concat(Page?.Tables.Select(t => t.Csv) ?? [])
        .Concat(Ods is null ? [] : [Ods])
        .Prepend(Workbook);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PublishedFiles? Read(string folder)
    {
        var path = Path.Combine(folder, ManifestName);
        return File.Exists(path) ? JsonSerializer.Deserialize<PublishedFiles>(File.ReadAllText(path), Json) : null;
    }
}

/// <summary>A published chart: its title, alt text and the names of its PNG, SVG and data (CSV) files.</summary>
public sealed record PublishedChart(string Title, string AltText, string Png, string Svg, string Csv);
