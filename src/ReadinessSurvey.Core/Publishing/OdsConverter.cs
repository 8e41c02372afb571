using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ReadinessSurvey.Publishing;

/// <summary>
/// Writes an OpenDocument spreadsheet (ODS) holding the same sheets and cell values as an xlsx workbook,
/// so a publication is offered in an open format beside Excel. Converting the finished workbook (rather
/// than writing the report a second time) means the two files cannot disagree. Values only: text, numbers
/// and percentages, no charts or styling beyond the percentage format. No library for ODS is served here,
/// and the format needs only a zip with a manifest and content.xml (decision 0066).
/// </summary>
public static class OdsConverter
{
    public const string MediaType = "application/vnd.oasis.opendocument.spreadsheet";

    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string StyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private const string NumberNs = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0";
    private const string PercentStyle = "percent";
    private const int MaxDecimals = 4;

    /// <summary>Reads <paramref name="xlsxPath"/> and writes the ODS to <paramref name="output"/>.</summary>
    public static void Convert(string xlsxPath, Stream output)
    {
        var sheets = XlsxValues.Read(xlsxPath);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

        // The media type comes first and uncompressed, so a reader can recognise the file from its first bytes.
        WriteEntry(zip, "mimetype", CompressionLevel.NoCompression, s => s.Write(Encoding.ASCII.GetBytes(MediaType)));
        WriteEntry(zip, "META-INF/manifest.xml", CompressionLevel.Optimal, WriteManifest);
        WriteEntry(zip, "content.xml", CompressionLevel.Optimal, s => WriteContent(s, sheets));
    }

    private static void WriteEntry(ZipArchive zip, string name, CompressionLevel level, Action<Stream> write)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        write(stream);
    }

    private static void WriteManifest(Stream stream)
    {
        const string ns = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartElement("manifest", "manifest", ns);
        xml.WriteAttributeString("manifest", "version", ns, "1.2");
        foreach (var (path, type) in new[] { ("/", MediaType), ("content.xml", "text/xml") })
        {
            xml.WriteStartElement("manifest", "file-entry", ns);
            xml.WriteAttributeString("manifest", "full-path", ns, path);
            xml.WriteAttributeString("manifest", "media-type", ns, type);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteContent(Stream stream, IReadOnlyList<SheetValues> sheets)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartElement("office", "document-content", OfficeNs);
        foreach (var (prefix, ns) in new[] { ("table", TableNs), ("text", TextNs), ("style", StyleNs), ("number", NumberNs) })
        {
            xml.WriteAttributeString("xmlns", prefix, null, ns);
        }

        xml.WriteAttributeString("office", "version", OfficeNs, "1.2");
        WritePercentStyles(xml);
        xml.WriteStartElement("office", "body", OfficeNs);
        xml.WriteStartElement("office", "spreadsheet", OfficeNs);
        foreach (var sheet in sheets)
        {
            xml.WriteStartElement("table", "table", TableNs);
            xml.WriteAttributeString("table", "name", TableNs, sheet.Name);
            var nextRow = 1;
            foreach (var (rowNumber, cells) in sheet.Rows)
            {
                if (rowNumber > nextRow)
                {
                    EmptyRows(xml, rowNumber - nextRow);
                }

                WriteRow(xml, cells);
                nextRow = rowNumber + 1;
            }

            if (sheet.Rows.Count == 0)
            {
                EmptyRows(xml, 1);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>A percentage style for 0 to 4 decimals, named "percent{decimals}".</summary>
    private static void WritePercentStyles(XmlWriter xml)
    {
        xml.WriteStartElement("office", "automatic-styles", OfficeNs);
        for (var decimals = 0; decimals <= MaxDecimals; decimals++)
        {
            var data = "N-percent" + decimals.ToString(CultureInfo.InvariantCulture);
            xml.WriteStartElement("number", "percentage-style", NumberNs);
            xml.WriteAttributeString("style", "name", StyleNs, data);
            xml.WriteStartElement("number", "number", NumberNs);
            xml.WriteAttributeString("number", "decimal-places", NumberNs, decimals.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("number", "min-integer-digits", NumberNs, "1");
            xml.WriteEndElement();
            xml.WriteElementString("number", "text", NumberNs, "%");
            xml.WriteEndElement();
            xml.WriteStartElement("style", "style", StyleNs);
            xml.WriteAttributeString("style", "name", StyleNs, PercentStyle + decimals.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("style", "family", StyleNs, "table-cell");
            xml.WriteAttributeString("style", "data-style-name", StyleNs, data);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void EmptyRows(XmlWriter xml, int count)
    {
        xml.WriteStartElement("table", "table-row", TableNs);
        xml.WriteAttributeString("table", "number-rows-repeated", TableNs, count.ToString(CultureInfo.InvariantCulture));
        xml.WriteStartElement("table", "table-cell", TableNs);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteRow(XmlWriter xml, IReadOnlyList<OdsCell> cells)
    {
        xml.WriteStartElement("table", "table-row", TableNs);
        var nextColumn = 1;
        foreach (var cell in cells)
        {
            if (cell.Column > nextColumn)
            {
                xml.WriteStartElement("table", "table-cell", TableNs);
                xml.WriteAttributeString("table", "number-columns-repeated", TableNs, (cell.Column - nextColumn).ToString(CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }

            xml.WriteStartElement("table", "table-cell", TableNs);
            if (cell.Number is { } number)
            {
                var value = number.ToString("R", CultureInfo.InvariantCulture);
                if (cell.PercentDecimals is { } decimals)
                {
                    xml.WriteAttributeString("table", "style-name", TableNs, PercentStyle + Math.Min(decimals, MaxDecimals).ToString(CultureInfo.InvariantCulture));
                }

                xml.WriteAttributeString("office", "value-type", OfficeNs, cell.IsPercent ? "percentage" : "float");
                xml.WriteAttributeString("office", "value", OfficeNs, value);
                xml.WriteElementString("text", "p", TextNs, cell.IsPercent ? (number * 100).ToString("0." + new string('0', cell.PercentDecimals!.Value), CultureInfo.InvariantCulture).TrimEnd('.') + "%" : value);
            }
            else
            {
                // A string cell is never a formula in ODS, whatever it starts with.
                xml.WriteAttributeString("office", "value-type", OfficeNs, "string");
                foreach (var line in (cell.Text ?? "").Split('\n'))
                {
                    xml.WriteElementString("text", "p", TextNs, XmlSafe(line));
                }
            }

            xml.WriteEndElement();
            nextColumn = cell.Column + 1;
        }

        xml.WriteEndElement();
    }

    private static string XmlSafe(string text) => new([.. text.Where(XmlConvert.IsXmlChar)]);
}

/// <summary>One sheet's non-empty cells, by row number (1-based), in order.</summary>
internal sealed record SheetValues(string Name, IReadOnlyList<(int Row, IReadOnlyList<OdsCell> Cells)> Rows);

/// <summary>A cell's value: a number (a percentage when <see cref="PercentDecimals"/> is set) or text. <see cref="Column"/> is 1-based.</summary>
internal sealed record OdsCell(int Column, double? Number, string? Text, int? PercentDecimals)
{
    public bool IsPercent => PercentDecimals is not null;
}

/// <summary>Reads every sheet's cell values from an xlsx through the OpenXML SDK (no System.Drawing, unlike ClosedXML's loader).</summary>
internal static class XlsxValues
{
    public static IReadOnlyList<SheetValues> Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException($"{path} has no workbook part.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var percentStyles = PercentStyles(workbook);
        var sheets = new List<SheetValues>();
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var rows = new List<(int, IReadOnlyList<OdsCell>)>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = row.Elements<Cell>().Select(c => Value(c, shared, percentStyles)).OfType<OdsCell>().OrderBy(c => c.Column).ToList();
                if (cells.Count > 0)
                {
                    rows.Add(((int)row.RowIndex!.Value, cells));
                }
            }

            sheets.Add(new SheetValues(sheet.Name?.Value ?? "Sheet" + (sheets.Count + 1), rows));
        }

        return sheets;
    }

    /// <summary>Cell style index to the number of decimals of its percentage format, for styles that show a percentage.</summary>
    private static Dictionary<uint, int> PercentStyles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.FormatCode?.Value?.Contains('%', StringComparison.Ordinal) == true)
            .ToDictionary(f => f.NumberFormatId!.Value, f => Decimals(f.FormatCode!.Value!)) ?? [];
        custom.TryAdd(9, 0);
        custom.TryAdd(10, 2);
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var percent = new Dictionary<uint, int>();
        for (var i = 0; i < formats.Count; i++)
        {
            if (custom.TryGetValue(formats[i].NumberFormatId?.Value ?? 0, out var decimals))
            {
                percent[(uint)i] = decimals;
            }
        }

        return percent;
    }

    /// <summary>"0.0%" has 1 decimal.</summary>
    private static int Decimals(string code)
    {
        var point = code.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : code[(point + 1)..].TakeWhile(c => c is '0' or '#').Count();
    }

    private static OdsCell? Value(Cell cell, List<string> shared, Dictionary<uint, int> percentStyles)
    {
        var column = ColumnOf(cell.CellReference?.Value ?? throw new InvalidDataException("A cell has no reference."));
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return new OdsCell(column, null, cell.InlineString?.InnerText ?? "", null);
        }

        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            return new OdsCell(column, null, shared[int.Parse(raw, CultureInfo.InvariantCulture)], null);
        }

        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Boolean)
        {
            return new OdsCell(column, null, raw, null);
        }

        return new OdsCell(column, double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture), null, percentStyles.TryGetValue(cell.StyleIndex?.Value ?? 0, out var decimals) ? decimals : null);
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column;
    }
}
