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
            var drawingsPart = worksheetPart.DrawingsPart ?? worksheetPart.AddNewPart<DrawingsPart>();
            drawingsPart.WorksheetDrawing ??= new Xdr.WorksheetDrawing();
            var drawing = drawingsPart.WorksheetDrawing;
            var nextId = (uint)drawing.Descendants<Xdr.NonVisualDrawingProperties>().Count() + 1;

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

    /// <summary>Adds &lt;drawing r:id&gt; to the worksheet where the schema wants it (before legacy drawings and tables).</summary>
    private static void AttachDrawing(WorksheetPart worksheetPart, string relationshipId)
    {
        var worksheet = worksheetPart.Worksheet;
        if (worksheet.Elements<Drawing>().Any())
        {
            return;
        }

        var drawing = new Drawing { Id = relationshipId };
        var after = worksheet.ChildElements.FirstOrDefault(e =>
            e is LegacyDrawing or LegacyDrawingHeaderFooter or Picture or OleObjects or Controls or WebPublishItems or TableParts or WorksheetExtensionList);
        if (after is null)
        {
            worksheet.Append(drawing);
        }
        else
        {
            worksheet.InsertBefore(drawing, after);
        }

        worksheet.Save();
    }
}
