using System.Globalization;
using System.Security;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ReadinessSurvey.Reporting.Excel;

/// <summary>A PNG to place on a sheet with its top-left corner at a cell (0-based column and row).</summary>
public sealed record SheetImage(string SheetName, int Column, int Row, byte[] Png, int WidthPixels, int HeightPixels, string Title, string AltText);

/// <summary>A link from a cell (1-based row and column) to a place in the same workbook, such as <c>'Scores'!A1</c>.</summary>
public sealed record SheetLink(string SheetName, int Row, int Column, string Location, string Display);

/// <summary>
/// Finishes a workbook ClosedXML has saved, through the OpenXML SDK: pictures (a DrawingsPart per
/// sheet holding one-cell anchors) and links within the workbook.
/// </summary>
/// <remarks>
/// Note: ClosedXML 0.95's own AddPicture needs GDI+ (libgdiplus), which we must not need. Its hyperlinks
/// work, but on saving it works out each link's display text through ExcelNumberFormat 1.0's
/// <c>Format(object, CultureInfo)</c>, which the only served versions (1.1.0 and later) no longer have:
/// every link threw and caught two MissingMethodExceptions, and the process kept about 3 KB of native
/// memory for each (a council workbook's four links: 8 exceptions; 20 MB more resident after writing
/// every council's workbook twice).
/// </remarks>
public static class SavedPackage
{
    private const long EmuPerPixel = 9525;

    // Elements a worksheet may hold after each one added here, in the order of the schema (CT_Worksheet).
    private static readonly string[] _afterDrawing =
        ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

    private static readonly string[] _afterHyperlinks =
        ["printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
         "ignoredErrors", "smartTags", "drawing", .. _afterDrawing];

    /// <summary>Adds the images and links to the xlsx package held in <paramref name="package"/> (readable, writable, seekable).</summary>
    public static void Finish(Stream package, IReadOnlyCollection<SheetImage> images, IReadOnlyCollection<SheetLink> links)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(links);
        if (images.Count == 0 && links.Count == 0)
        {
            return;
        }

        using var document = SpreadsheetDocument.Open(package, true);
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("The package holds no workbook.");
        var sheetNames = images.Select(i => i.SheetName).Concat(links.Select(l => l.SheetName)).Distinct(StringComparer.Ordinal);
        foreach (var sheetName in sheetNames)
        {
            var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == sheetName)
                ?? throw new InvalidOperationException($"The workbook has no sheet called '{sheetName}'.");
            var worksheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
            var sheetImages = images.Where(i => i.SheetName == sheetName).ToList();
            var drawingId = sheetImages.Count > 0 ? AddDrawing(worksheetPart, sheetImages, sheetName) : null;
            EditXml(worksheetPart, xml =>
            {
                var sheetLinks = links.Where(l => l.SheetName == sheetName).ToList();
                xml = sheetLinks.Count > 0 ? WithHyperlinks(xml, sheetLinks) : xml;
                return drawingId is null ? xml : WithDrawing(xml, drawingId);
            });
        }
    }

    private static string AddDrawing(WorksheetPart worksheetPart, IReadOnlyList<SheetImage> images, string sheetName)
    {
        if (worksheetPart.DrawingsPart is not null)
        {
            throw new InvalidOperationException($"The sheet '{sheetName}' already has drawings.");
        }

        var drawingsPart = worksheetPart.AddNewPart<DrawingsPart>();
        var drawing = new Xdr.WorksheetDrawing();
        drawingsPart.WorksheetDrawing = drawing;
        var nextId = 1u;
        foreach (var image in images)
        {
            var imagePart = drawingsPart.AddImagePart(ImagePartType.Png);
            using (var data = new MemoryStream(image.Png, writable: false))
            {
                imagePart.FeedData(data);
            }

            drawing.Append(Anchor(image, drawingsPart.GetIdOfPart(imagePart), nextId++));
        }

        drawing.Save();
        return worksheetPart.GetIdOfPart(drawingsPart);
    }

    private static Xdr.OneCellAnchor Anchor(SheetImage image, string relationshipId, uint id)
    {
        var cx = image.WidthPixels * EmuPerPixel;
        var cy = image.HeightPixels * EmuPerPixel;
        return new Xdr.OneCellAnchor(
            new Xdr.FromMarker(
                new Xdr.ColumnId(image.Column.ToString(CultureInfo.InvariantCulture)),
                new Xdr.ColumnOffset("0"),
                new Xdr.RowId(image.Row.ToString(CultureInfo.InvariantCulture)),
                new Xdr.RowOffset("0")),
            new Xdr.Extent { Cx = cx, Cy = cy },
            new Xdr.Picture(
                new Xdr.NonVisualPictureProperties(
                    // Alt text: Excel and screen readers read descr; title is the short name.
                    new Xdr.NonVisualDrawingProperties { Id = id, Name = $"Chart {id}", Title = image.Title, Description = image.AltText },
                    new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                new Xdr.BlipFill(
                    new A.Blip { Embed = relationshipId },
                    new A.Stretch(new A.FillRectangle())),
                new Xdr.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
            new Xdr.ClientData());
    }

    /// <summary>Rewrites a worksheet part's XML as text.</summary>
    /// <remarks>
    /// Note: loading and saving each worksheet's DOM through the SDK to add an element or two took a
    /// fifth of the sector workbook's writing time; the text edit is one scan of the part.
    /// </remarks>
    private static void EditXml(WorksheetPart worksheetPart, Func<string, string> edit)
    {
        string xml;
        using (var reader = new StreamReader(worksheetPart.GetStream(FileMode.Open, FileAccess.Read)))
        {
            xml = reader.ReadToEnd();
        }

        using var writer = new StreamWriter(worksheetPart.GetStream(FileMode.Create, FileAccess.Write), new System.Text.UTF8Encoding(false));
        writer.Write(edit(xml));
    }

    /// <summary>The worksheet XML with a drawing element where the schema wants it.</summary>
    internal static string WithDrawing(string xml, string relationshipId) =>
        Insert(xml, "drawing", _afterDrawing, prefix =>
            $"<{prefix}drawing xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"{relationshipId}\" />");

    /// <summary>The worksheet XML with a hyperlinks element, one hyperlink per link, where the schema wants it.</summary>
    internal static string WithHyperlinks(string xml, IEnumerable<SheetLink> links) =>
        Insert(xml, "hyperlinks", _afterHyperlinks, prefix =>
            $"<{prefix}hyperlinks>" +
            string.Concat(links.Select(l =>
                $"<{prefix}hyperlink ref=\"{XLHelper.GetColumnLetterFromNumber(l.Column)}{l.Row.ToString(CultureInfo.InvariantCulture)}\" " +
                $"location=\"{SecurityElement.Escape(l.Location)}\" display=\"{SecurityElement.Escape(l.Display)}\" />")) +
            $"</{prefix}hyperlinks>");

    /// <summary>Inserts an element before the first element that must follow it (else before the end).</summary>
    private static string Insert(string xml, string name, string[] followers, Func<string, string> element)
    {
        var root = System.Text.RegularExpressions.Regex.Match(xml, @"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>]");
        if (!root.Success)
        {
            throw new InvalidOperationException("The worksheet part has no worksheet element.");
        }

        var prefix = root.Groups[1].Success ? root.Groups[1].Value + ":" : "";
        var end = xml.LastIndexOf($"</{prefix}worksheet>", StringComparison.Ordinal);
        if (end < 0 || Find(xml, prefix, name, root.Index) >= 0)
        {
            throw new InvalidOperationException($"The worksheet part is not a complete worksheet without {name}.");
        }

        var at = end;
        foreach (var follower in followers)
        {
            var i = Find(xml, prefix, follower, root.Index);
            if (i >= 0 && i < at)
            {
                at = i;
            }
        }

        return xml.Insert(at, element(prefix));
    }

    /// <summary>Where an element of exactly this name starts, or -1.</summary>
    private static int Find(string xml, string prefix, string name, int from)
    {
        var i = xml.IndexOf($"<{prefix}{name}", from, StringComparison.Ordinal);
        while (i >= 0 && xml[i + prefix.Length + 1 + name.Length] is not (' ' or '>' or '/'))
        {
            i = xml.IndexOf($"<{prefix}{name}", i + 1, StringComparison.Ordinal);
        }

        return i;
    }
}
