using System.Globalization;
using ClosedXML.Excel;
using ReadinessSurvey.Reporting.Charts;

namespace ReadinessSurvey.Reporting.Excel;

/// <summary>
/// A ClosedXML workbook with a contents sheet, unique sheet and table names, charts placed beside
/// tables and embedded after saving. Used by the report writers; one per report.
/// </summary>
public sealed class ReportWorkbook : IDisposable
{
    /// <summary>Default row height in pixels (15 points), used to leave room below a picture.</summary>
    public const int RowPixels = 20;

    private readonly XLWorkbook _workbook = new();
    private readonly HashSet<string> _sheetNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _tableNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Sheet, int Column, int Row, ChartImage Chart, Task<byte[]>? Png)> _charts = [];
    private readonly List<(SheetWriter Sheet, string Description)> _contents = [];
    private readonly List<SheetWriter> _sheets = [];
    private readonly List<SheetLink> _links = [];
    private readonly SheetWriter _contentsSheet;
    private readonly string _title;
    private readonly bool _drawChartsAlongside;

    /// <param name="title">The title on the contents sheet.</param>
    /// <param name="drawChartsAlongside">
    /// Draw each chart on the thread pool as soon as it is placed, while the cells are written (a
    /// workbook with many charts); otherwise charts are drawn on saving, on the caller's thread, which
    /// suits many small workbooks already written in parallel.
    /// </param>
    public ReportWorkbook(string title, bool drawChartsAlongside = false)
    {
        _title = title;
        _drawChartsAlongside = drawChartsAlongside;
        _contentsSheet = AddSheetCore("Contents");
    }

    /// <summary>Adds a sheet (name cleaned and made unique) and lists it on the contents sheet.</summary>
    public SheetWriter AddSheet(string name, string description)
    {
        var sheet = AddSheetCore(name);
        _contents.Add((sheet, description));
        return sheet;
    }

    /// <summary>A unique, valid table name.</summary>
    public string TableName(string name) => WorkbookNames.Table(name, _tableNames);

    /// <summary>
    /// Places a chart with its top-left at (row, column), 1-based, and writes its data table below it.
    /// The picture is embedded on saving (and drawn meanwhile when the workbook draws charts alongside). Returns the first free
    /// row after the table.
    /// </summary>
    public int PlaceChart(SheetWriter sheet, int row, int column, ChartImage chart)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(chart);
        _charts.Add((sheet.Name, column - 1, row - 1, chart, _drawChartsAlongside ? chart.StartPng() : null));
        var tableRow = row + (int)Math.Ceiling(chart.Height / (double)RowPixels) + 1;
        return WriteChartTable(sheet, tableRow, column, chart.Table);
    }

    /// <summary>Writes a chart's data as a real table; number-like cells become numbers. Returns the next free row.</summary>
    public int WriteChartTable(SheetWriter sheet, int row, int column, ChartTable table)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(table);
        sheet.Heading(row, column, "Chart data: " + table.Title, 11);
        var header = row + 1;
        sheet.Header(header, column, table.Headers);
        var r = header;
        foreach (var values in table.Rows)
        {
            r++;
            for (var c = 0; c < values.Count; c++)
            {
                var text = values[c];
                // Chart tables are built by our code from numbers; group labels stay text.
                if (c > 0 && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    sheet.Number(r, column + c, number, "0.##");
                }
                else
                {
                    sheet.Text(r, column + c, text);
                }
            }
        }

        if (r > header)
        {
            sheet.Table(header, column, r, column + table.Headers.Count - 1, TableName("Chart " + table.Title));
        }

        return r + 2;
    }

    /// <summary>Saves the workbook, embeds the charts and copies the result to <paramref name="output"/>.</summary>
    public async Task SaveAsync(Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteContents();
        foreach (var sheet in _sheets)
        {
            sheet.Finish();
        }

        using var buffer = new MemoryStream();
        _workbook.SaveAs(buffer);
        cancellationToken.ThrowIfCancellationRequested();
        var images = new List<SheetImage>(_charts.Count);
        foreach (var (sheet, column, row, chart, png) in _charts)
        {
            images.Add(new SheetImage(sheet, column, row, png is null ? chart.Png : await png, chart.Width, chart.Height, chart.Title, chart.AltText));
        }

        SavedPackage.Finish(buffer, images, _links);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    public void Dispose() => _workbook.Dispose();

    private SheetWriter AddSheetCore(string name)
    {
        var sheet = new SheetWriter(_workbook.Worksheets.Add(WorkbookNames.Sheet(name, _sheetNames)));
        _sheets.Add(sheet);
        return sheet;
    }

    private void WriteContents()
    {
        var s = _contentsSheet;
        s.Heading(1, 1, _title, 16);
        s.Header(3, 1, ["Sheet", "What it shows", "Columns"]);
        var row = 3;
        foreach (var (sheet, description) in _contents)
        {
            row++;
            var cell = s.Text(row, 1, sheet.Name);
            // Added to the saved package (see SavedPackage): ClosedXML's own hyperlinks throw inside on saving.
            _links.Add(new SheetLink(s.Name, row, 1, $"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!A1", sheet.Name));
            cell.Style.Font.Underline = XLFontUnderlineValues.Single;
            cell.Style.Font.FontColor = XLColor.FromHtml("#1D70B8");
            s.Text(row, 2, description);
            // Read from the tables themselves, so the contents never promise a column that is not there.
            s.Text(row, 3, string.Join("; ", sheet.TableHeaders().Select(h => string.Join(", ", h)).Distinct()));
        }

        if (row > 3)
        {
            s.Table(3, 1, row, 3, TableName("Contents"));
        }

        s.FreezeHeader(3);
        s.PrintLandscape();
    }
}
