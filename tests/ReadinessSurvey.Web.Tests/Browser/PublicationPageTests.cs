using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReadinessSurvey.Jobs;
using ReadinessSurvey.Publishing;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Reporting.Mapping;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Tests.Reporting;

namespace ReadinessSurvey.Tests.Web.Browser;

/// <summary>The public page of a round's publication (issue 16 item 2), as a visitor who is not signed in sees it.</summary>
[Collection(SharedBrowser.Name)]
[Trait("Category", SharedBrowser.Trait)]
[Trait("Category", LibreOffice.Trait)]
public sealed partial class PublicationPageTests(BrowserFixture browser)
{
    [Fact(Timeout = 300_000)]
    public async Task A_visitor_finds_the_publication_from_the_home_page_and_reads_its_findings_tables_and_downloads()
    {
        using var data = new PublishingRound(browser.Factory);
        var roundId = await data.AddRoundAsync(councils: 60);
        await PublishAsync(data, roundId);
        var published = await data.WithAsync(async sp => SectorReportMapper.Map(await sp.GetRequiredService<ReportService>().LoadAsync(roundId, published: true, CancellationToken.None), published: true));

        var page = await browser.NewPageAsync();
        await page.GotoAsync("");
        await page.GetByRole(AriaRole.Link, new() { Name = "the publications" }).ClickAsync();
        Assert.EndsWith("/publications", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Publications" }).CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = published.About.RoundName }).ClickAsync();
        Assert.EndsWith($"/publications/{roundId}", page.Url, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await Screens.ShootAsync(page, "publication");
        await Screens.AssertNoSidewaysScrollAsync(page);

        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains($"Groups of fewer than {published.About.SuppressionThreshold} councils are withheld", main, StringComparison.Ordinal);
        Assert.True(await page.Locator("h2:has-text('Key findings') + ul li").CountAsync() >= 3);

        // Every table has a caption, a header per column and a header per row.
        var tables = page.Locator("main table");
        Assert.Equal(5, await tables.CountAsync());
        for (var i = 0; i < 5; i++)
        {
            var table = tables.Nth(i);
            Assert.NotEmpty((await table.Locator("caption").InnerTextAsync()).Trim());
            Assert.Equal(await table.Locator("thead th").CountAsync(), await table.Locator("thead th[scope=col]").CountAsync());
            Assert.Equal(await table.Locator("tbody tr").CountAsync(), await table.Locator("tbody th[scope=row]").CountAsync());
        }

        // A withheld group shows [c], never its count.
        foreach (var row in published.DimensionSummaries.Where(d => d.GroupKind == GroupKinds.Region && d.DimensionId == DimensionSummaryRow.OverallId && d.Suppressed))
        {
            var cells = page.Locator("table", new() { HasText = "Overall readiness score by region" }).Locator("tr", new() { Has = page.Locator($"th:text-is('{row.Group}')") }).Locator("td");
            Assert.All(await cells.AllInnerTextsAsync(), c => Assert.Equal("[c]", c));
        }

        // Downloads name their type and size; the ODS holds the same figures as the xlsx.
        var downloads = await page.Locator(".app-downloads li").AllInnerTextsAsync();
        Assert.All(downloads, d => Assert.Matches(SizedDownload(), d));
        Assert.Contains(downloads, d => d.Contains("OpenDocument spreadsheet (ODS)", StringComparison.Ordinal));
        Assert.Contains(downloads, d => d.Contains("Excel spreadsheet (XLSX)", StringComparison.Ordinal));
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator(".app-downloads a[href$='.xlsx']").ClickAsync());
        var ods = await page.RunAndWaitForDownloadAsync(() => page.Locator(".app-downloads a[href$='.ods']").ClickAsync());
        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href$='table-response-rate-by-council-type.csv']").First.ClickAsync());
        var folder = Path.Combine(Path.GetTempPath(), "publication-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var xlsxPath = Path.Combine(folder, xlsx.SuggestedFilename);
            var odsPath = Path.Combine(folder, ods.SuggestedFilename);
            await xlsx.SaveAsAsync(xlsxPath);
            await ods.SaveAsAsync(odsPath);
            var read = LibreOffice.SheetsAsCsv([xlsxPath, odsPath]);
            var (fromXlsx, fromOds) = (read[0], read[1]);
            Assert.Equal(fromXlsx.Keys, fromOds.Keys);
            foreach (var (sheet, rows) in fromXlsx)
            {
                Assert.Equal(Trim(rows), Trim(fromOds[sheet]));
            }

            var table = Csv.Parse(await File.ReadAllTextAsync(await csv.PathAsync()));
            Assert.Equal(["Council type", "Councils in the register", "Councils responding", "Response rate"], table[0]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // The old address still leads here.
        await page.GotoAsync("reports");
        Assert.EndsWith("/publications", page.Url, StringComparison.Ordinal);
    }

    private static async Task PublishAsync(PublishingRound data, int roundId)
    {
        await data.WithAsync(sp => sp.GetRequiredService<ReportQueue>().RequestAsync(roundId, ReportKinds.Published, null, "test"));
        await data.RunReportJobsAsync();
        await data.WithAsync(sp => sp.GetRequiredService<PublishingService>().PublishAsync(roundId, "test"));
    }

    private static List<string> Trim(List<string[]> rows)
    {
        var lines = rows.Select(r => string.Join('\u001f', r.Reverse().SkipWhile(string.IsNullOrEmpty).Reverse())).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    [GeneratedRegex(@"(Excel spreadsheet \(XLSX\)|OpenDocument spreadsheet \(ODS\)|CSV|SVG image|PNG image), \d+(\.\d)? (bytes|KB|MB)$")]
    private static partial Regex SizedDownload();
}
