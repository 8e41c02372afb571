using ClosedXML.Excel;

namespace ReadinessSurvey.Reporting.Excel;

/// <summary>A style given to cells: a number format, bold, italic, a font size, a quote prefix or right alignment.</summary>
internal readonly record struct CellLook(CellLookKind Kind, string? Format = null, double Size = 0)
{
    public static CellLook Bold { get; } = new(CellLookKind.Bold);

    public static CellLook Italic { get; } = new(CellLookKind.Italic);

    public static CellLook QuotePrefix { get; } = new(CellLookKind.QuotePrefix);

    public static CellLook AlignRight { get; } = new(CellLookKind.AlignRight);

    public static CellLook NumberFormat(string format) => new(CellLookKind.NumberFormat, format);

    public static CellLook FontSize(double size) => new(CellLookKind.FontSize, Size: size);

    public void ApplyTo(IXLStyle style)
    {
        switch (Kind)
        {
            case CellLookKind.NumberFormat:
                style.NumberFormat.Format = Format;
                break;
            case CellLookKind.Bold:
                style.Font.Bold = true;
                break;
            case CellLookKind.Italic:
                style.Font.Italic = true;
                break;
            case CellLookKind.FontSize:
                style.Font.FontSize = Size;
                break;
            case CellLookKind.QuotePrefix:
                style.IncludeQuotePrefix = true;
                break;
            default:
                style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                break;
        }
    }
}

internal enum CellLookKind
{
    NumberFormat,
    Bold,
    Italic,
    FontSize,
    QuotePrefix,
    AlignRight,
}

/// <summary>
/// Styles gathered while a sheet is written and given to runs of cells when it is finished.
/// </summary>
/// <remarks>
/// Note: in ClosedXML 0.95 each read of a cell's Style and each change to it looks the whole style up
/// in a shared repository, hashing the font name through ICU. Styling cell by cell cost about 35 µs a
/// cell, more than the rest of the sheet; a range is restyled with one look-up per distinct style
/// it holds, so a column of counts in a table costs about as much as one cell.
/// </remarks>
internal sealed class StyleRuns
{
    private readonly Dictionary<CellLook, HashSet<(int Row, int Column)>> _cells = [];

    public void Add(CellLook look, int row, int column)
    {
        if (!_cells.TryGetValue(look, out var cells))
        {
            cells = [];
            _cells[look] = cells;
        }

        cells.Add((row, column));
    }

    public void ApplyTo(IXLWorksheet sheet)
    {
        foreach (var (look, cells) in _cells)
        {
            foreach (var (top, left, bottom, right) in Runs(cells))
            {
                look.ApplyTo(sheet.Range(top, left, bottom, right).Style);
            }
        }

        _cells.Clear();
    }

    /// <summary>The cells as rectangles one cell wide (down a column) or one high (along a row), whichever are fewer.</summary>
    internal static List<(int Top, int Left, int Bottom, int Right)> Runs(IReadOnlyCollection<(int Row, int Column)> cells)
    {
        var down = new List<(int, int, int, int)>();
        foreach (var (column, row, length) in Spans(cells.Select(c => (c.Column, c.Row))))
        {
            down.Add((row, column, row + length - 1, column));
        }

        var along = new List<(int, int, int, int)>();
        foreach (var (row, column, length) in Spans(cells.Select(c => (c.Row, c.Column))))
        {
            along.Add((row, column, row, column + length - 1));
        }

        return down.Count <= along.Count ? down : along;
    }

    /// <summary>Consecutive runs of the second number for each first number: (first, start, length).</summary>
    private static IEnumerable<(int Line, int Start, int Length)> Spans(IEnumerable<(int Line, int At)> cells)
    {
        var sorted = cells.Order().ToList();
        var i = 0;
        while (i < sorted.Count)
        {
            var (line, start) = sorted[i];
            var length = 1;
            while (i + length < sorted.Count && sorted[i + length] == (line, start + length))
            {
                length++;
            }

            yield return (line, start, length);
            i += length;
        }
    }
}
