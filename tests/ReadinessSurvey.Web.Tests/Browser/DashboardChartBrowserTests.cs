using Microsoft.Playwright;
using ReadinessSurvey.Accounts;

namespace ReadinessSurvey.Tests.Web.Browser;

/// <summary>
/// The dashboard's charts at 400% zoom: a 1280-pixel window zoomed four times is a 320 CSS-pixel viewport
/// at four device pixels each. The charts are SVG, so they are drawn sharp at that scale; they shrink to
/// the column instead of widening the page.
/// </summary>
[Collection(SharedBrowser.Name)]
[Trait("Category", SharedBrowser.Trait)]
public sealed class DashboardChartBrowserTests(BrowserFixture browser)
{
    [Fact(Timeout = 600_000)]
    public async Task At_400_percent_zoom_the_dimension_charts_are_svg_that_fit_the_page_and_it_stays_accessible()
    {
        var round = await DashboardRound.SeedAsync(browser.Factory, 30);
        var (email, password) = await browser.Factory.AddUserAsync(PolicyRoles.Analyst);

        foreach (var (width, scale) in new[] { (1280, 1f), (375, 1f), (320, 4f) })
        {
            await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = browser.BaseUrl.ToString(),
                ViewportSize = new ViewportSize { Width = width, Height = 900 },
                DeviceScaleFactor = scale,
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync("account/sign-in");
            await page.FillAsync("#email", email);
            await page.FillAsync("#password", password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.GotoAsync($"admin/dashboard/{round}/dimensions");

            var charts = page.Locator("img.app-chart");
            Assert.Equal(4, await charts.CountAsync());
            var index = 0;
            foreach (var chart in await charts.AllAsync())
            {
                await Screens.SaveAsync(chart, $"dashboard-chart-{index++}-{width}x{scale}");
                Assert.StartsWith("data:image/svg+xml;base64,", await chart.GetAttributeAsync("src"), StringComparison.Ordinal);
                var box = await chart.BoundingBoxAsync();
                Assert.NotNull(box);
                Assert.True(box.X + box.Width <= width, $"a chart ends at {box.X + box.Width} px in a {width} px window");
            }

            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"the page scrolls sideways at {width} px");
            await Screens.SaveAsync(page, $"dashboard-dimensions-{width}x{scale}");
            await BrowserFixture.AssertAccessibleAsync(page);
        }
    }
}
