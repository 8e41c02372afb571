using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReadinessSurvey.Accounts;

namespace ReadinessSurvey.Tests.Web.Browser;

/// <summary>
/// An admin requests and downloads a report, publishes a round's workbook after reviewing it, makes an API
/// token, and a visitor downloads the published files without signing in; axe checks every page on the way.
/// </summary>
[Collection(SharedBrowser.Name)]
[Trait("Category", SharedBrowser.Trait)]
public sealed partial class PublishingJourneyTests(BrowserFixture browser)
{
    [Fact(Timeout = 300_000)]
    public async Task An_admin_requests_downloads_and_publishes_a_report_and_a_visitor_downloads_it()
    {
        // Ten councils: a review page with both published and withheld cells, protected in seconds.
        using var data = new PublishingRound(browser.Factory);
        var roundId = await data.AddRoundAsync(councils: 10);
        var page = await browser.SignedInAsync(PolicyRoles.Admin);

        // Request without choosing a report: the error summary, then a proper request.
        await page.GotoAsync("admin/reports");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Request report" }).ClickAsync();
        Assert.Contains("Choose a kind of report", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Round").SelectOptionAsync(roundId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Published sector workbook").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Request report" }).ClickAsync();
        Assert.True(RunPage().IsMatch(page.Url), $"Not on the run's page but {page.Url}: {await page.Locator("body").InnerTextAsync()}\n{ServerErrors.Latest()}");
        Assert.Equal("Waiting", (await page.Locator("#run-status").InnerTextAsync()).Trim());
        await BrowserFixture.AssertAccessibleAsync(page);

        // The job runs; the page, polling every 2 s, reloads itself once it is ready (clicking "Refresh to see progress"
        // raced that reload when the job took longer than a poll), and it downloads.
        await data.RunReportJobsAsync();
        await Assertions.Expect(page.Locator("#run-status")).ToHaveTextAsync("Ready", new() { Timeout = 15_000 });
        await BrowserFixture.AssertAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the report" }).ClickAsync());
        Assert.Matches(@"^publishing-test-[a-z0-9]+-sector-published-\d{4}-\d{2}-\d{2}\.xlsx$", download.SuggestedFilename);
        await page.GotoAsync("admin/reports");
        await BrowserFixture.AssertAccessibleAsync(page);

        // Review and publish.
        await page.GotoAsync("admin/publishing");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync($"admin/publishing/{roundId}");
        Assert.Contains("What the published view withholds", await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await Screens.ShootAsync(page, "admin-publishing-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the report" }).ClickAsync();
        Assert.Contains("is on its public page at /publications/", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Unpublish" }).ClickAsync();
        Assert.Contains("Are you sure you want to unpublish", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        // An API token, shown once, then the revoke confirmation.
        await page.GotoAsync("account/api-tokens");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Name").FillAsync("Browser test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a token" }).ClickAsync();
        Assert.StartsWith("rs_", await page.Locator("#new-token").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Revoke Browser test" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        // A visitor, not signed in, downloads the published workbook and a chart.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"publications/{roundId}");
        await BrowserFixture.AssertAccessibleAsync(visitor);
        var workbook = await visitor.RunAndWaitForDownloadAsync(() => visitor.Locator(".app-downloads a[href$='.xlsx']").ClickAsync());
        Assert.Matches(@"^sector-published-\d{4}-\d{2}-\d{2}\.xlsx$", workbook.SuggestedFilename);
        Assert.True(new FileInfo(await workbook.PathAsync()).Length > 10_000);
        var png = await visitor.RunAndWaitForDownloadAsync(() => visitor.Locator(".app-downloads a[href$='.png']").First.ClickAsync());
        Assert.EndsWith(".png", png.SuggestedFilename, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/admin/reports/\d+$")]
    private static partial Regex RunPage();
}
