using System.Globalization;
using ClosedXML.Excel;

namespace ReadinessSurvey.Reporting.Excel;

/// <summary>
/// Writes cells to a ClosedXML worksheet safely and remembers how wide each column must be, because
/// ClosedXML's AdjustToContents needs GDI+ (libgdiplus), which the platform must not depend on.
/// Rows and columns are 1-based as in ClosedXML.
/// </summary>
public sealed class SheetWriter
{
    /// <summary>Widths in Excel character units.</summary>
    public const double MinWidth = 6, MaxWidth = 60;

    public const string PercentFormat = "0.0%";
    public const string ScoreFormat = "0.0";

    /// <summary>Statistics of number answers: thousands separated, up to two decimal places.</summary>
    public const string AnswerFormat = "#,##0.0#";
    public const string CountFormat = "#,##0";

    private readonly Dictionary<int, double> _widths = [];
    private readonly CellStyles _styles = new();
    private readonly List<(int HeaderRow, int FirstColumn, int LastRow, int LastColumn, string Name)> _tables = [];

    public SheetWriter(IXLWorksheet sheet)
    {
        Sheet = sheet ?? throw new ArgumentNullException(nameof(sheet));
    }

    public IXLWorksheet Sheet { get; }

    public string Name => Sheet.Name;

    /// <summary>Writes text as a string cell: it can never become a formula, whatever it starts with.</summary>
    public IXLCell Text(int row, int column, string? text, bool bold = false)
    {
        var clean = SafeText.ForCell(text);
        var cell = Sheet.Cell(row, column);
        cell.SetValue(clean);
        cell.DataType = XLDataType.Text;
        if (SafeText.LooksLikeFormula(clean))
        {
            // The quote prefix keeps it text even when someone edits the cell in Excel.
            _styles.Add(CellLook.QuotePrefix, row, column);
        }

        if (bold)
        {
            _styles.Add(CellLook.Bold, row, column);
        }

        Measure(column, clean, bold);
        return cell;
    }

    /// <summary>Writes a number with a format; null leaves the cell empty.</summary>
    public IXLCell Number(int row, int column, decimal? value, string format = ScoreFormat)
    {
        var cell = Sheet.Cell(row, column);
        if (value is { } v)
        {
            cell.SetValue(v);
            cell.DataType = XLDataType.Number;
            _styles.Add(CellLook.NumberFormat(format), row, column);
            Measure(column, FormatLike(v, format), false);
        }

        return cell;
    }

    public IXLCell Number(int row, int column, int? value) => Number(row, column, value, CountFormat);

    public IXLCell Percent(int row, int column, decimal? share) => Number(row, column, share, PercentFormat);

    /// <summary>Writes a number, or [c] when it is suppressed.</summary>
    public IXLCell NumberOrMark(int row, int column, decimal? value, bool suppressed, string format, string mark)
    {
        // A figure is never left blank: withheld reads [c], and one there is nothing to work out for (a
        // share or a median of no councils) reads [z], "not applicable" (the GSS shorthand, with its note).
        if (suppressed || value is null)
        {
            var cell = Text(row, column, suppressed ? mark : NotApplicableMark);
            _styles.Add(CellLook.AlignRight, row, column);
            return cell;
        }

        return Number(row, column, value, format);
    }

    /// <summary>The GSS shorthand for a figure that does not apply, e.g. a percentage of no councils.</summary>
    public const string NotApplicableMark = "[z]";

    /// <summary>A bold header row; returns the row.</summary>
    public int Header(int row, int column, IEnumerable<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var c = column;
        foreach (var header in headers)
        {
            Text(row, c, header, bold: true);
            Widen(c, header.Length + 3); // room for the filter button
            c++;
        }

        return row;
    }

    /// <summary>A heading line in a larger font; not measured for width (it may spill over).</summary>
    public void Heading(int row, int column, string text, double size = 14)
    {
        var cell = Sheet.Cell(row, column);
        cell.SetValue(SafeText.ForCell(text));
        cell.DataType = XLDataType.Text;
        _styles.Add(CellLook.Bold, row, column);
        _styles.Add(CellLook.FontSize(size), row, column);
    }

    /// <summary>A note line in italics; not measured for width.</summary>
    public void Note(int row, int column, string text)
    {
        var cell = Sheet.Cell(row, column);
        cell.SetValue(SafeText.ForCell(text));
        cell.DataType = XLDataType.Text;
        _styles.Add(CellLook.Italic, row, column);
    }

    /// <summary>
    /// Turns a header row and its data rows into a real Excel table with filter buttons when the sheet
    /// is finished. Needs at least one data row.
    /// </summary>
    /// <remarks>
    /// Note: tables are made last because ClosedXML 0.95 checks every table's header row each time a
    /// cell value is set; with tables made as they were written, a sheet of 30 question tables spent
    /// more time in that check than in writing its cells.
    /// </remarks>
    public void Table(int headerRow, int firstColumn, int lastRow, int lastColumn, string name) =>
        _tables.Add((headerRow, firstColumn, lastRow, lastColumn, name));

    /// <summary>The header row of each table on the sheet, in the order they were added.</summary>
    public IEnumerable<IReadOnlyList<string>> TableHeaders() =>
        _tables.Select(t => (IReadOnlyList<string>)Enumerable.Range(t.FirstColumn, t.LastColumn - t.FirstColumn + 1)
            .Select(c => Sheet.Cell(t.HeaderRow, c).GetString()).ToList());

    /// <summary>Freezes the rows above <paramref name="rows"/>+1 and repeats them on printed pages.</summary>
    public void FreezeHeader(int rows, int columns = 0)
    {
        if (columns > 0)
        {
            Sheet.SheetView.Freeze(rows, columns);
        }
        else
        {
            Sheet.SheetView.FreezeRows(rows);
        }

        Sheet.PageSetup.SetRowsToRepeatAtTop(1, rows);
    }

    /// <summary>Landscape, fitted to one page wide.</summary>
    public void PrintLandscape()
    {
        Sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        Sheet.PageSetup.FitToPages(1, 0);
        Sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
    }

    /// <summary>Makes a column at least this wide (character units).</summary>
    public void Widen(int column, double width) =>
        _widths[column] = Math.Max(_widths.GetValueOrDefault(column), Math.Min(width, MaxWidth));

    /// <summary>Styles the cells, makes the tables and sets every measured column's width; long text wraps in the widest columns.</summary>
    public void Finish()
    {
        _styles.ApplyTo(Sheet);
        foreach (var (headerRow, firstColumn, lastRow, lastColumn, name) in _tables)
        {
            var table = Sheet.Range(headerRow, firstColumn, lastRow, lastColumn).CreateTable(name);
            table.ShowAutoFilter = true;
            table.Theme = XLTableTheme.TableStyleLight9;
        }

        _tables.Clear();
        foreach (var (column, width) in _widths)
        {
            var col = Sheet.Column(column);
            col.Width = Math.Clamp(width, MinWidth, MaxWidth);
            if (width >= MaxWidth)
            {
                col.Style.Alignment.WrapText = true;
            }
        }
    }

    /// <summary>
    /// Width heuristic: the longest line in characters, plus 10% for bold text and 2 for padding.
    /// Calibri 11 averages about one character unit per character, so this errs a little wide.
    /// </summary>
    private void Measure(int column, string text, bool bold)
    {
        var longest = 0;
        foreach (var line in text.Split('\n'))
        {
            longest = Math.Max(longest, line.Length);
        }

        Widen(column, (longest * (bold ? 1.1 : 1.0)) + 2);
    }

    private static string FormatLike(decimal value, string format) => format switch
    {
        PercentFormat => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        CountFormat => value.ToString("#,##0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.0", CultureInfo.InvariantCulture),
    };
}
