using Microsoft.Playwright;

namespace ReadinessSurvey.Tests.Web.Browser;

[Collection(SharedBrowser.Name)]
[Trait("Category", SharedBrowser.Trait)]
public sealed class RespondentJourneyTests(BrowserFixture browser)
{
    [Fact(Timeout = 900_000)]
    public async Task Two_contributors_complete_and_submit_a_return_with_every_page_accessible()
    {
        var round = await browser.Scenario.OpenRoundAsync("journey " + Guid.NewGuid());
        var alexLink = new Uri(browser.BaseUrl, $"respond/start/{(await browser.Scenario.InviteAsync(round, "E07000223", "Alex Smith")).Token}").ToString();
        var samLink = new Uri(browser.BaseUrl, $"respond/start/{(await browser.Scenario.InviteAsync(round, "E07000223", "Sam Jones", "Data protection officer")).Token}").ToString();
        var alex = new Respondent(await browser.NewPageAsync(), BrowserFixture.AssertAccessibleAsync);
        var sam = new Respondent(await browser.NewPageAsync(), BrowserFixture.AssertAccessibleAsync);
        var page = alex.Page;

        await alex.OpenAsync(alexLink);
        Assert.Equal("Cannot start yet", (await page.Locator("#section-C-status").InnerTextAsync()).Trim());

        // A validation error, shown in the summary and beside the field.
        await page.GetByRole(AriaRole.Link, new() { Name = "About your council" }).ClickAsync();
        await page.GetByLabel("Digital or IT lead").CheckAsync();
        await page.GetByLabel("How many staff does your council employ?").FillAsync("lots");
        await alex.SaveAndContinueAsync();
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter how many staff your council employs as a number, like 25", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("How many staff does your council employ?").FillAsync("1200");
        await alex.SaveAndContinueAsync();

        // Display logic one way: "exploring" hides the follow-up questions...
        Assert.EndsWith("/respond/section/b", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Exploring how AI could be used").CheckAsync();
        await alex.FillPageAsync();
        await alex.SaveAndContinueAsync();
        await page.GotoAsync("respond/section/b");
        Assert.False(await page.Locator("#q-B2-group").IsVisibleAsync());
        await page.GotoAsync("respond");
        Assert.Equal("Not needed", (await page.Locator("#section-C-status").InnerTextAsync()).Trim());

        // ...and the other: "piloting" reveals them at once on the same page (JavaScript; the other test does it without).
        await page.GotoAsync("respond/section/b");
        await page.GetByLabel("Piloting AI").CheckAsync();
        Assert.True(await page.Locator("#q-B2-group").IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await alex.FillPageAsync();
        await alex.SaveAndContinueAsync();
        Assert.EndsWith("/respond/section/c", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("input[value='adult_social_care']").CountAsync());

        // Two people on the same section: the second save, based on a stale page, is refused.
        await sam.OpenAsync(samLink);
        await sam.Page.GotoAsync("respond/section/d");
        await page.GotoAsync("respond/section/d");
        await page.GetByLabel("An approved AI strategy").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
        await sam.Page.GetByLabel("One is being developed").CheckAsync();
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
        Assert.Contains("Alex Smith changed this answer", await sam.Page.Locator(".app-conflict").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Their answer: An approved AI strategy", await sam.Page.Locator(".app-conflict").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(sam.Page);
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
        Assert.EndsWith("/respond?notice=saved", sam.Page.Url, StringComparison.Ordinal);
        await page.GotoAsync("respond/section/d");
        Assert.True(await page.GetByLabel("One is being developed").IsCheckedAsync());
        Assert.Contains("Last changed by Sam Jones (Data protection officer)", await page.Locator("#q-D1-changed").InnerTextAsync(), StringComparison.Ordinal);

        // Finish, check and submit.
        await alex.CompleteAsync();
        Assert.Contains("Check your answers", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("1,200 staff", await page.Locator(".govuk-summary-list").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit your council's return" }).ClickAsync();
        Assert.Contains("Confirm that the answers are correct", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await alex.SubmitAsync();
        Assert.Contains("Return submitted", await page.Locator(".govuk-panel__title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("maturity level", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Screens.SaveAsync(page, "confirmation");

        // Read-only for everyone afterwards.
        await sam.Page.GotoAsync("respond");
        Assert.Contains("Submitted", await sam.Page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        await sam.Page.GotoAsync("respond/section/d");
        await BrowserFixture.AssertAccessibleAsync(sam.Page);
        Assert.Equal(0, await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).CountAsync());
        Assert.True(await sam.Page.GetByLabel("One is being developed").IsDisabledAsync());
    }

    [Fact(Timeout = 900_000)]
    public async Task The_journey_completes_without_javascript()
    {
        var round = await browser.Scenario.OpenRoundAsync("no js " + Guid.NewGuid());
        var link = new Uri(browser.BaseUrl, $"respond/start/{(await browser.Scenario.InviteAsync(round, "E10000032", "Wes Sussex")).Token}").ToString();
        // axe-core is a script, so it cannot run where scripts are off; the same pages are scanned in the other test.
        var respondent = new Respondent(await browser.NewPageAsync(javaScript: false), _ => Task.CompletedTask);

        await respondent.OpenAsync(link);
        await respondent.Page.GotoAsync("respond/section/b");
        Assert.False(await respondent.Page.Locator("#q-B2-group").IsVisibleAsync());
        await respondent.Page.GetByLabel("AI is live across many services").CheckAsync();
        await respondent.SaveAndContinueAsync();
        Assert.Contains("We have added questions", await respondent.Page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await respondent.Page.Locator("#q-B2-group").IsVisibleAsync());
        await respondent.FillPageAsync();
        await respondent.SaveAndContinueAsync();
        Assert.EndsWith("/respond/section/c", respondent.Page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await respondent.Page.Locator("input[value='housing']").CountAsync());
        Assert.Equal(1, await respondent.Page.Locator("input[value='adult_social_care']").CountAsync());
        await respondent.CompleteAsync();
        await respondent.SubmitAsync();

        Assert.Contains("West Sussex", await respondent.Page.Locator(".govuk-panel__body").InnerTextAsync(), StringComparison.Ordinal);

        await respondent.Page.GotoAsync("respond");
        await respondent.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Contains("You have signed out", await respondent.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await respondent.Page.GotoAsync("respond");
        Assert.Contains("/respond/signed-out", respondent.Page.Url, StringComparison.Ordinal);
    }
}
