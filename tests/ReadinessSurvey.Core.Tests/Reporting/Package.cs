using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ReadinessSurvey.Tests.Reporting;

/// <summary>Reads a saved xlsx with the OpenXML SDK: formulas, images, alt text and every string.</summary>
internal sealed class Package : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public Package(string path)
    {
        _document = SpreadsheetDocument.Open(path, false);
    }

    private WorkbookPart Workbook => _document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames =>
        Workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public WorksheetPart Sheet(string name)
    {
        var sheet = Workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)Workbook.GetPartById(sheet.Id!);
    }

    /// <summary>Every &lt;f&gt; element in every sheet.</summary>
    public int FormulaCount => Workbook.WorksheetParts.Sum(p => p.Worksheet.Descendants<CellFormula>().Count());

    public int ImageCount(string sheet) => Sheet(sheet).DrawingsPart?.ImageParts.Count() ?? 0;

    public IReadOnlyList<string> AltTexts(string sheet) =>
        Sheet(sheet).DrawingsPart?.WorksheetDrawing.Descendants<Xdr.NonVisualDrawingProperties>()
            .Select(p => p.Description?.Value ?? "").ToList() ?? [];

    /// <summary>The column names of each table on a sheet, in the order the tables were added.</summary>
    public IEnumerable<IReadOnlyList<string>> TableHeaders(string sheet) =>
        Sheet(sheet).TableDefinitionParts
            .Select(t => t.Table)
            .OrderBy(t => t.Id!.Value)
            .Select(t => (IReadOnlyList<string>)t.TableColumns!.Elements<TableColumn>().Select(c => c.Name!.Value!).ToList());

    /// <summary>The text a cell holds as a string (shared or inline), or null when it is not a string cell.</summary>
    public IEnumerable<(string Reference, string Text, bool IsString)> Cells(string sheet)
    {
        var shared = Workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        foreach (var cell in Sheet(sheet).Worksheet.Descendants<Cell>())
        {
            var type = cell.DataType?.Value;
            if (type == CellValues.SharedString)
            {
                yield return (cell.CellReference?.Value ?? "", shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)], true);
            }
            else if (type == CellValues.InlineString)
            {
                yield return (cell.CellReference?.Value ?? "", cell.InlineString!.InnerText, true);
            }
            else if (type == CellValues.String)
            {
                yield return (cell.CellReference?.Value ?? "", cell.CellValue?.Text ?? "", true);
            }
            else
            {
                yield return (cell.CellReference?.Value ?? "", cell.CellValue?.Text ?? "", false);
            }
        }
    }

    /// <summary>Schema errors the OpenXML validator finds (what Excel would refuse to open or "repair").</summary>
    public IReadOnlyList<string> ValidationErrors =>
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016)
            .Validate(_document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

    public void Dispose() => _document.Dispose();
}
