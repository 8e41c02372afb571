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

/// <summary>The looks one cell has, in the order given; a later look of the same kind replaces an earlier one.</summary>
internal sealed class LookSet : IEquatable<LookSet>
{
    private readonly CellLook[] _looks;

    public LookSet(CellLook look)
        : this([look])
    {
    }

    private LookSet(CellLook[] looks)
    {
        _looks = looks;
    }

    public IReadOnlyList<CellLook> Looks => _looks;

    public LookSet With(CellLook look)
    {
        if (_looks.Contains(look))
        {
            return this;
        }

        return new LookSet([.. _looks.Where(l => l.Kind != look.Kind), look]);
    }

    public bool Equals(LookSet? other) => other is not null && _looks.AsSpan().SequenceEqual(other._looks);

    public override bool Equals(object? obj) => Equals(obj as LookSet);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var look in _looks)
        {
            hash.Add(look);
        }

        return hash.ToHashCode();
    }
}

/// <summary>
/// Styles gathered while a sheet is written and given to the cells when it is finished.
/// </summary>
/// <remarks>
/// Note: in ClosedXML 0.95 each change to a cell's or a range's style looks the whole style up in a
/// shared repository (hashing the font name through ICU) and, for a range, groups every cell in it by
/// its current style through LINQ. Styling cell by cell cost about 35 µs a cell; styling runs of cells as
/// ranges was a fifth of a council workbook's allocations. Here each distinct combination of looks is
/// built once, on the first cell that has it, and every other cell with the same combination is given
/// that finished style, which sets a reference without a look-up.
/// </remarks>
internal sealed class CellStyles
{
    private readonly Dictionary<(int Row, int Column), LookSet> _cells = [];

    public void Add(CellLook look, int row, int column) =>
        _cells[(row, column)] = _cells.TryGetValue((row, column), out var looks) ? looks.With(look) : new LookSet(look);

    public void ApplyTo(IXLWorksheet sheet)
    {
        var built = new Dictionary<LookSet, IXLStyle>();
        foreach (var ((row, column), looks) in _cells)
        {
            var cell = sheet.Cell(row, column);
            if (built.TryGetValue(looks, out var style))
            {
                cell.Style = style;
                continue;
            }

            foreach (var look in looks.Looks)
            {
                look.ApplyTo(cell.Style);
            }

            built[looks] = cell.Style;
        }

        _cells.Clear();
    }
}
