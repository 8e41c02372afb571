using System.Text;

namespace ReadinessSurvey.Reporting.Excel;

/// <summary>
/// Keeps text that reaches a spreadsheet inert. Text starting with = + - @ tab or carriage return is
/// read as a formula by Excel, LibreOffice and Google Sheets when typed or imported from CSV
/// ("CSV injection"), so such text is always written as a string cell, and in CSV prefixed with '.
/// </summary>
public static class SafeText
{
    /// <summary>Excel's limit on the characters in a cell.</summary>
    public const int MaxCellLength = 32_767;

    private static readonly char[] _formulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>True when a spreadsheet could take this text for a formula.</summary>
    public static bool LooksLikeFormula(string? text) =>
        !string.IsNullOrEmpty(text) && Array.IndexOf(_formulaStarts, text[0]) >= 0;

    /// <summary>
    /// Removes characters XML cannot hold (they would corrupt the file), turns CR and CRLF into LF
    /// (XML readers do that to a bare CR anyway, and LF is Excel's line break) and cuts the text to
    /// the cell limit.
    /// </summary>
    public static string ForCell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (IsClean(text))
        {
            return text; // Note: nearly every cell; no copy (a large export writes millions of them).
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

        var builder = new StringBuilder(Math.Min(text.Length, MaxCellLength));
        for (var i = 0; i < text.Length && builder.Length < MaxCellLength; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (builder.Length + 2 > MaxCellLength)
                {
                    break;
                }

                builder.Append(ch).Append(text[++i]);
            }
            else if (ch is '\t' or '\n' or '\r' || (ch >= 0x20 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <see cref="ForCell"/> would return the text unchanged.</summary>
    private static bool IsClean(string text)
    {
        if (text.Length > MaxCellLength)
        {
            return false;
        }

        foreach (var ch in text)
        {
            if (ch < 0x20 ? ch is not ('\t' or '\n') : ch >= 0xD800 && (ch <= 0xDFFF || ch >= 0xFFFE))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Text for a CSV field: cleaned, and prefixed with ' when it could become a formula.</summary>
    public static string ForCsv(string? text)
    {
        var clean = ForCell(text);
        return LooksLikeFormula(text) || LooksLikeFormula(clean) ? "'" + clean : clean;
    }
}
