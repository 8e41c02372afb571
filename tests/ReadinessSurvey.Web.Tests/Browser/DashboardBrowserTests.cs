using Microsoft.Playwright;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Web.Browser;

[Collection(SharedBrowser.Name)]
[Trait("Category", SharedBrowser.Trait)]
public sealed class DashboardBrowserTests(BrowserFixture browser)
{
    [Fact(Timeout = 600_000)]
    public async Task An_analyst_reads_every_dashboard_and_filters_a_question_without_javascript_with_every_page_accessible()
    {
        var round = await DashboardRound.SeedAsync(browser.Factory, 12);
        var (email, password) = await browser.Factory.AddUserAsync(PolicyRoles.Analyst);

        var page = await SignInAsync(await browser.NewPageAsync(), email, password);

        await page.GotoAsync("admin/dashboard");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator($"main a[href='/admin/dashboard/{round}']").ClickAsync();
        Assert.Equal("Overall readiness", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Councils by maturity level") }).IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        foreach (var (link, heading) in new[] { ("Dimensions", "Scores by dimension"), ("Maturity levels", "Maturity levels"), ("Response rates", "Response rates"), ("Councils", "Councils"), ("Questions", "Questions") })
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Dashboard views" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
            await BrowserFixture.AssertAccessibleAsync(page);
        }

        // A question, then filtered by a council type; the filter is a plain GET form, so it is used without JavaScript.
        var question = SurveyDefinitionLoader.LoadFile(Repository.File("surveys", "ai-readiness-2024-25.json")).Definition!
            .Questions.First(q => q.Type == QuestionType.SingleChoice && !q.IsAboutContributor);
        await page.Locator($"main a[href$='/questions/{question.Id}']").ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        var withJavaScript = page;
        page = await SignInAsync(await browser.NewPageAsync(javaScript: false), email, password);
        await page.GotoAsync($"admin/dashboard/{round}/questions/{question.Id}");
        var typeLabel = (await page.Locator("#type option").Nth(1).InnerTextAsync()).Trim();
        await page.SelectOptionAsync("#type", new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        Assert.Contains("type=", page.Url, StringComparison.Ordinal);
        Assert.Contains($"council type: {typeLabel}", await page.Locator("#filter-summary").InnerTextAsync(), StringComparison.Ordinal);
        var rowHeaders = await page.Locator("table").First.Locator("tbody th[scope=row]").AllInnerTextsAsync();
        Assert.Equal(["All councils", typeLabel], rowHeaders.Select(h => h.Trim()));
        await withJavaScript.GotoAsync(page.Url);
        await BrowserFixture.AssertAccessibleAsync(withJavaScript);
        page = withJavaScript;

        // One council's page, from the councils list.
        await page.GotoAsync($"admin/dashboard/{round}/councils");
        await page.Locator("main table a").First.ClickAsync();
        Assert.Contains("/councils/", page.Url, StringComparison.Ordinal);
        Assert.Contains("out of 100", await page.Locator("#overall-score").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    private static async Task<IPage> SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("account/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }
}
