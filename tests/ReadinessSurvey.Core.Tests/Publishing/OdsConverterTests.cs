using System.IO.Compression;
using ReadinessSurvey.Publishing;
using ReadinessSurvey.Reporting.Writers;
using ReadinessSurvey.Tests.Reporting;

namespace ReadinessSurvey.Tests.Publishing;

[Trait("Category", LibreOffice.Trait)]
public sealed class OdsConverterTests : IDisposable
{
    private readonly OutputFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_ods_opens_in_LibreOffice_with_the_same_sheets_and_values_as_the_published_xlsx()
    {
        var xlsx = _folder.File("sector-published.xlsx");
        await using (var file = File.Create(xlsx))
        {
            await SectorWorkbookWriter.Published.WriteAsync(ReportModelBuilder.Sector(), file);
        }

        var ods = _folder.File("sector-published.ods");
        await using (var file = File.Create(ods))
        {
            OdsConverter.Convert(xlsx, file);
        }

        var read = LibreOffice.SheetsAsCsv([xlsx, ods]);
        var (fromXlsx, fromOds) = (read[0], read[1]);

        Assert.Equal(fromXlsx.Keys, fromOds.Keys);
        foreach (var (sheet, rows) in fromXlsx)
        {
            Assert.Equal(Trim(rows), Trim(fromOds[sheet]));
        }

        Assert.Contains(fromOds["Readiness overview"], r => r.Contains("[c]"));
    }

    [Fact]
    public async Task The_ods_starts_with_its_media_type_stored_uncompressed()
    {
        var xlsx = _folder.File("sector-published.xlsx");
        await using (var file = File.Create(xlsx))
        {
            await SectorWorkbookWriter.Published.WriteAsync(ReportModelBuilder.Sector(), file);
        }

        using var ods = new MemoryStream();
        OdsConverter.Convert(xlsx, ods);
        ods.Position = 0;
        using var zip = new ZipArchive(ods);

        Assert.Equal("mimetype", zip.Entries[0].FullName);
        Assert.Equal(zip.Entries[0].Length, zip.Entries[0].CompressedLength);
        using var reader = new StreamReader(zip.Entries[0].Open());
        Assert.Equal(OdsConverter.MediaType, await reader.ReadToEndAsync());
        Assert.Contains(zip.Entries, e => e.FullName == "content.xml");
    }

    /// <summary>Rows without their trailing empty fields, without trailing empty rows: formatting alone can widen a sheet's used area.</summary>
    private static List<string> Trim(List<string[]> rows)
    {
        var lines = rows.Select(r => string.Join('\u001f', r.Reverse().SkipWhile(string.IsNullOrEmpty).Reverse())).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
