using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Jobs;
using ReadinessSurvey.Reporting;

namespace ReadinessSurvey.Tests.Web.Browser;

/// <summary>The workspace at scale and on a narrow screen (issue 16 item 4).</summary>
[Collection(SharedBrowser.Name)]
[Trait("Category", SharedBrowser.Trait)]
public sealed class AdminWorkspaceTests(BrowserFixture browser)
{
    [Fact(Timeout = 300_000)]
    public async Task An_admin_pages_through_the_register_and_finds_a_council_by_name()
    {
        var round = await browser.Scenario.OpenRoundAsync("Register " + Guid.NewGuid().ToString("N")[..6]);
        var page = await browser.SignedInAsync(PolicyRoles.Admin);

        await page.GotoAsync($"admin/councils?round={round}");
        Assert.Contains("(page 1 of 7)", await page.Locator("#councils caption").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(50, await page.Locator("#councils tbody tr").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await Screens.ShootAsync(page, "admin-councils");
        await page.Locator(".govuk-pagination__next a").ClickAsync();
        Assert.Contains("(page 2 of 7)", await page.Locator("#councils caption").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Council name").FillAsync("worth");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var names = await page.Locator("#councils tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Contains("Worthing", names);
        Assert.All(names, n => Assert.Contains("worth", n, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("q=worth", page.Url, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Council name").FillAsync("no such council");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        Assert.Contains("No councils match", await page.Locator("#no-councils").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 300_000)]
    public async Task No_admin_page_is_wider_than_a_320_pixel_screen()
    {
        var round = await browser.Scenario.OpenRoundAsync("Reflow " + Guid.NewGuid().ToString("N")[..6]);
        await browser.Scenario.InviteAsync(round, name: "Alexandra Featherstonehaugh-Wolstenholme");
        var page = await browser.SignedInAsync(PolicyRoles.Admin);
        foreach (var (path, name) in new[]
        {
            ("admin", "admin-home"), ("admin/rounds", "admin-rounds"), ($"admin/rounds/{round}", "admin-round"),
            ($"admin/councils?round={round}", "admin-councils-reflow"), ($"admin/councils/E07000223?round={round}", "admin-council"),
            ("admin/audit", "admin-audit"), ("admin/reports", "admin-reports"), ("admin/publishing", "admin-publishing"),
            ("admin/dashboard", "admin-dashboard-index"), ("account", "account"),
        })
        {
            await page.GotoAsync(path);
            await Screens.AssertNoSidewaysScrollAsync(page);
            await Screens.ShootAsync(page, name);
        }
    }

    [Fact(Timeout = 300_000)]
    public async Task A_report_page_shows_the_report_ready_without_being_refreshed_by_hand()
    {
        using var data = new PublishingRound(browser.Factory);
        // An internal workbook: the round is only counted, its published view is never needed.
        var roundId = await data.AddRoundAsync(publishedView: false);
        var run = await data.WithAsync(sp => sp.GetRequiredService<ReportQueue>().RequestAsync(roundId, ReportKinds.Sector, null, "test"));
        var page = await browser.SignedInAsync(PolicyRoles.Admin);

        await page.GotoAsync($"admin/reports/{run.Id}");
        Assert.Equal("Waiting", (await page.Locator("#run-status").InnerTextAsync()).Trim());
        Assert.True(await page.GetByText("This page updates by itself").IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await data.RunReportJobsAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Download the report" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal("Ready", (await page.Locator("#run-status").InnerTextAsync()).Trim());
        Assert.EndsWith($"/admin/reports/{run.Id}", page.Url, StringComparison.Ordinal);

        // Without JavaScript the link does it by hand, and says nothing about updating itself.
        var rerun = await data.WithAsync(sp => sp.GetRequiredService<ReportQueue>().RequestAsync(roundId, ReportKinds.Sector, null, "test"));
        var noScript = await browser.SignedInAsync(PolicyRoles.Admin, javaScript: false);
        await noScript.GotoAsync($"admin/reports/{rerun.Id}");
        Assert.False(await noScript.GetByText("This page updates by itself").IsVisibleAsync());
        Assert.True(await noScript.GetByRole(AriaRole.Link, new() { Name = "Refresh to see progress" }).IsVisibleAsync());
        await data.RunReportJobsAsync();
    }

    [Fact(Timeout = 300_000)]
    public async Task The_admin_home_shows_what_needs_attention()
    {
        // Any round with a published report waiting will do: three councils are protected in a second.
        using var data = new PublishingRound(browser.Factory);
        var roundId = await data.AddRoundAsync(councils: 3);
        var closing = await browser.Scenario.OpenRoundAsync("Closing soon " + Guid.NewGuid().ToString("N")[..6], DateTime.UtcNow.AddDays(5));
        await data.WithAsync(sp => sp.GetRequiredService<ReportQueue>().RequestAsync(roundId, ReportKinds.Published, null, "test"));
        await data.RunReportJobsAsync();
        var page = await browser.SignedInAsync(PolicyRoles.Admin);

        await page.GotoAsync("admin");

        Assert.Contains("Closing soon", await page.Locator("#closing-soon").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("councils have not started a return", await page.Locator("#not-started").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Published sector workbook", await page.Locator("#reports-ready").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("is ready for review and publishing", await page.Locator("#publications-waiting").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator($"#closing-soon a[href='/admin/rounds/{closing}']").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await Screens.ShootAsync(page, "admin-home-attention");
    }
}
