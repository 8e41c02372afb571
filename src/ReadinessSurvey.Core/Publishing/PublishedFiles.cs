using System.Text.Json;

namespace ReadinessSurvey.Publishing;

/// <summary>
/// What a publication's folder holds, written beside the files as <c>published.json</c>. Public
/// downloads are served only by exact name from this list, never from a path in the request.
/// </summary>
public sealed record PublishedFiles(string Workbook, IReadOnlyList<PublishedChart> Charts)
{
    public const string ManifestName = "published.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>Every file name a visitor may download.</summary>
    public IEnumerable<string> Names => Charts.SelectMany(c => new[] { c.Png, c.Svg, c.Csv }).Prepend(Workbook);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PublishedFiles? Read(string folder)
    {
        var path = Path.Combine(folder, ManifestName);
        return File.Exists(path) ? JsonSerializer.Deserialize<PublishedFiles>(File.ReadAllText(path), Json) : null;
    }
}

/// <summary>A published chart: its title, alt text and the names of its PNG, SVG and data (CSV) files.</summary>
public sealed record PublishedChart(string Title, string AltText, string Png, string Svg, string Csv);
