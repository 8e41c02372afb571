using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ReadinessSurvey.Reporting.Excel;

/// <summary>A PNG to place on a sheet with its top-left corner at a cell (0-based column and row).</summary>
public sealed record SheetImage(string SheetName, int Column, int Row, byte[] Png, int WidthPixels, int HeightPixels, string Title, string AltText);

/// <summary>
/// Adds pictures to a saved workbook through the OpenXML SDK: a DrawingsPart per sheet holding
/// one-cell anchors. ClosedXML 0.95's own AddPicture needs GDI+ (libgdiplus), which we must not need.
/// </summary>
public static class ImageEmbedder
{
    private const long EmuPerPixel = 9525;

    /// <summary>Embeds the images into the xlsx package held in <paramref name="package"/> (readable, writable, seekable).</summary>
    public static void Embed(Stream package, IReadOnlyCollection<SheetImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            return;
        }

        using var document = SpreadsheetDocument.Open(package, true);
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("The package holds no workbook.");
        foreach (var group in images.GroupBy(i => i.SheetName, StringComparer.Ordinal))
        {
            var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == group.Key)
                ?? throw new InvalidOperationException($"The workbook has no sheet called '{group.Key}'.");
            var worksheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
            if (worksheetPart.DrawingsPart is not null)
            {
                throw new InvalidOperationException($"The sheet '{group.Key}' already has drawings.");
            }

            var drawingsPart = worksheetPart.AddNewPart<DrawingsPart>();
            var drawing = new Xdr.WorksheetDrawing();
            drawingsPart.WorksheetDrawing = drawing;
            var nextId = 1u;

            foreach (var image in group)
            {
                var imagePart = drawingsPart.AddImagePart(ImagePartType.Png);
                using (var data = new MemoryStream(image.Png, writable: false))
                {
                    imagePart.FeedData(data);
                }

                drawing.Append(Anchor(image, drawingsPart.GetIdOfPart(imagePart), nextId++));
            }

            drawing.Save();
            AttachDrawing(worksheetPart, worksheetPart.GetIdOfPart(drawingsPart));
        }
    }

    private static Xdr.OneCellAnchor Anchor(SheetImage image, string relationshipId, uint id)
    {
        var cx = image.WidthPixels * EmuPerPixel;
        var cy = image.HeightPixels * EmuPerPixel;
        return new Xdr.OneCellAnchor(
            new Xdr.FromMarker(
                new Xdr.ColumnId(image.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.ColumnOffset("0"),
                new Xdr.RowId(image.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)),
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

    /// <summary>
    /// Adds &lt;drawing r:id&gt; to the worksheet where the schema wants it (before legacy drawings and
    /// tables), editing the part's XML as text.
    /// </summary>
    /// <remarks>
    /// Note: loading and saving each worksheet's DOM through the SDK to add this one element took a
    /// fifth of the sector workbook's writing time; the text edit is one scan of the part.
    /// </remarks>
    private static void AttachDrawing(WorksheetPart worksheetPart, string relationshipId)
    {
        string xml;
        using (var reader = new StreamReader(worksheetPart.GetStream(FileMode.Open, FileAccess.Read)))
        {
            xml = reader.ReadToEnd();
        }

        using var writer = new StreamWriter(worksheetPart.GetStream(FileMode.Create, FileAccess.Write), new System.Text.UTF8Encoding(false));
        writer.Write(WithDrawing(xml, relationshipId));
    }

    private static readonly string[] _afterDrawing =
        ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

    /// <summary>The worksheet XML with a drawing element inserted before the first element that must follow it.</summary>
    internal static string WithDrawing(string xml, string relationshipId)
    {
        var root = System.Text.RegularExpressions.Regex.Match(xml, @"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>]");
        if (!root.Success)
        {
            throw new InvalidOperationException("The worksheet part has no worksheet element.");
        }

        var prefix = root.Groups[1].Success ? root.Groups[1].Value + ":" : "";
        var end = xml.LastIndexOf($"</{prefix}worksheet>", StringComparison.Ordinal);
        if (end < 0 || xml.Contains($"<{prefix}drawing ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The worksheet part is not a complete worksheet without drawings.");
        }

        var at = end;
        foreach (var name in _afterDrawing)
        {
            var i = xml.IndexOf($"<{prefix}{name}", root.Index, StringComparison.Ordinal);
            while (i >= 0 && xml[i + prefix.Length + 1 + name.Length] is not (' ' or '>' or '/'))
            {
                i = xml.IndexOf($"<{prefix}{name}", i + 1, StringComparison.Ordinal);
            }

            if (i >= 0 && i < at)
            {
                at = i;
            }
        }

        var element = $"<{prefix}drawing xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"{relationshipId}\" />";
        return xml.Insert(at, element);
    }
}
