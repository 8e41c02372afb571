using System.Globalization;
using System.Text;

namespace ReadinessSurvey.Reporting.Excel;

/// <summary>Names Excel accepts for sheets, tables and files.</summary>
public static class WorkbookNames
{
    /// <summary>Excel's limit on sheet names.</summary>
    public const int MaxSheetNameLength = 31;

    private static readonly char[] _sheetForbidden = ['[', ']', ':', '*', '?', '/', '\\'];

    /// <summary>
    /// A valid sheet name, unique (ignoring case) among <paramref name="used"/>, which it joins:
    /// forbidden characters become spaces, leading and trailing apostrophes go, at most 31 characters,
    /// and a clash gets " (2)", " (3)"... within the limit.
    /// </summary>
    public static string Sheet(string? name, ISet<string> used)
    {
        ArgumentNullException.ThrowIfNull(used);
        var cleaned = new string((name ?? "").Select(c => Array.IndexOf(_sheetForbidden, c) >= 0 || char.IsControl(c) ? ' ' : c).ToArray());
        cleaned = string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('\'').Trim();
        if (cleaned.Length == 0 || cleaned.Equals("History", StringComparison.OrdinalIgnoreCase))
        {
            cleaned = cleaned.Length == 0 ? "Sheet" : cleaned + " sheet";
        }

        cleaned = Cut(cleaned, MaxSheetNameLength);
        var candidate = cleaned;
        for (var n = 2; ContainsIgnoringCase(used, candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = Cut(cleaned, MaxSheetNameLength - suffix.Length) + suffix;
        }

        used.Add(candidate);
        return candidate;
    }

    /// <summary>A valid, unique Excel table name: letters, digits and underscores, starting with a letter.</summary>
    public static string Table(string? name, ISet<string> used)
    {
        ArgumentNullException.ThrowIfNull(used);
        var builder = new StringBuilder("T_");
        foreach (var c in name ?? "")
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var cleaned = Cut(builder.ToString(), 200);
        var candidate = cleaned;
        for (var n = 2; ContainsIgnoringCase(used, candidate); n++)
        {
            candidate = cleaned + "_" + n.ToString(CultureInfo.InvariantCulture);
        }

        used.Add(candidate);
        return candidate;
    }

    /// <summary>A lower-case ASCII slug (a-z, 0-9, single hyphens) safe in any file system and URL.</summary>
    public static string Slug(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark &&
                     builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = Cut(builder.ToString().Trim('-'), 80).Trim('-');
        return slug.Length == 0 ? "report" : slug;
    }

    /// <summary>A file name safe on Windows and Linux: no path separators, reserved names or control characters.</summary>
    public static string File(string? name)
    {
        var invalid = new HashSet<char>(Path.GetInvalidFileNameChars()) { '<', '>', ':', '"', '/', '\\', '|', '?', '*' };
        var cleaned = new string((name ?? "").Select(c => invalid.Contains(c) || char.IsControl(c) ? '-' : c).ToArray()).Trim().Trim('.');
        var stem = Path.GetFileNameWithoutExtension(cleaned);
        string[] reserved = ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "LPT1", "LPT2", "LPT3"];
        if (cleaned.Length == 0 || reserved.Contains(stem, StringComparer.OrdinalIgnoreCase))
        {
            cleaned = "report-" + cleaned;
        }

        return Cut(cleaned, 120);
    }

    private static bool ContainsIgnoringCase(ISet<string> used, string name) =>
        used.Any(u => string.Equals(u, name, StringComparison.OrdinalIgnoreCase));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();
}
