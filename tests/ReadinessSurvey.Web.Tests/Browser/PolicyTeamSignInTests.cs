using Microsoft.Playwright;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Tests.Web.Accounts;

namespace ReadinessSurvey.Tests.Web.Browser;

[Collection(SharedBrowser.Name)]
[Trait("Category", SharedBrowser.Trait)]
public sealed class PolicyTeamSignInTests(BrowserFixture browser)
{
    [Fact(Timeout = 300_000)]
    public async Task An_analyst_signs_in_with_a_password_and_is_refused_what_needs_an_admin()
    {
        var (email, password) = await browser.Factory.AddUserAsync(PolicyRoles.Analyst);
        var page = await browser.NewPageAsync();

        await PolicyTeamBrowser.SignInAsync(page, email, "wrong-Password-1");
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter a correct email address and password", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await PolicyTeamBrowser.SignInAsync(page, email, password, checkAccessibility: false);
        Assert.EndsWith("/admin", page.Url, StringComparison.Ordinal);
        Assert.Contains("(analyst)", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        var jobs = await page.GotoAsync("hangfire");
        Assert.NotEqual(200, jobs!.Status);

        await page.GotoAsync("account");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign out {email}" }).ClickAsync();
        Assert.EndsWith("/account/signed-out", page.Url, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("admin");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact(Timeout = 300_000)]
    public async Task An_admin_turns_on_two_factor_and_then_signs_in_with_the_apps_code_without_javascript()
    {
        var (email, password) = await browser.Factory.AddUserAsync(PolicyRoles.Admin);
        var page = await browser.NewPageAsync();
        await PolicyTeamBrowser.SignInAsync(page, email, password);
        var jobs = await page.GotoAsync("hangfire");
        Assert.Equal(200, jobs!.Status);

        await page.GotoAsync("account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up two-factor sign-in" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my key" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        var key = SignInTests.KeyOf(await page.ContentAsync());
        await page.GetByLabel("Code from the app").FillAsync(SignInTests.CodeFor(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        Assert.Contains("Two-factor sign-in is on", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(10, await page.Locator(".app-recovery-codes li").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        // axe runs in the page's JavaScript, so the pages were checked above and the second sign-in runs without it.
        var second = await browser.NewPageAsync(javaScript: false);
        await PolicyTeamBrowser.SignInAsync(second, email, password, checkAccessibility: false);
        Assert.Contains("/account/two-factor", second.Url, StringComparison.Ordinal);
        await second.GetByLabel("Enter the code from your authenticator app").FillAsync("12");
        await second.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Contains("Enter the 6-digit code", await second.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await second.GetByLabel("Enter the code from your authenticator app").FillAsync(SignInTests.CodeFor(key));
        await second.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.EndsWith("/admin", second.Url, StringComparison.Ordinal);
        Assert.Contains("(admin)", await second.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await second.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).CountAsync());

        // The same two steps with JavaScript on, to check the two-factor page and its error with axe.
        var third = await browser.NewPageAsync();
        await PolicyTeamBrowser.SignInAsync(third, email, password, checkAccessibility: false);
        await BrowserFixture.AssertAccessibleAsync(third);
        await third.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Contains("Enter the 6-digit code", await third.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(third);
    }

    [Fact(Timeout = 300_000)]
    public async Task An_admin_without_two_factor_who_tries_a_change_is_sent_to_set_it_up_and_then_makes_it()
    {
        var round = await browser.Scenario.OpenRoundAsync("two-factor " + Guid.NewGuid().ToString("N")[..6]);
        var (email, password) = await browser.Factory.AddUserAsync(PolicyRoles.Admin);
        var page = await browser.NewPageAsync();
        await PolicyTeamBrowser.SignInAsync(page, email, password, checkAccessibility: false);
        Assert.Contains("You need two-factor sign-in before you can make changes", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await Screens.ShootAsync(page, "admin-two-factor-banner");

        await page.GotoAsync($"admin/rounds/{round}/close");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the round" }).ClickAsync();
        Assert.Contains("/account/authenticator", page.Url, StringComparison.Ordinal);
        Assert.Contains("As an admin you need two-factor sign-in", await page.Locator(".govuk-warning-text").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(ReadinessSurvey.Surveys.RoundStatus.Open, (await Admin.Workspace.RoundAsync(browser.Scenario, round)).Status);
        await BrowserFixture.AssertAccessibleAsync(page);
        await Screens.ShootAsync(page, "admin-two-factor-required");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show my key" }).ClickAsync();
        await page.GetByLabel("Code from the app").FillAsync(SignInTests.CodeFor(SignInTests.KeyOf(await page.ContentAsync())));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        Assert.Contains("Two-factor sign-in is on", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync($"admin/rounds/{round}/close");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the round" }).ClickAsync();
        Assert.EndsWith($"/admin/rounds/{round}", page.Url, StringComparison.Ordinal);
        Assert.Equal(ReadinessSurvey.Surveys.RoundStatus.Closed, (await Admin.Workspace.RoundAsync(browser.Scenario, round)).Status);
        Assert.Equal(0, await page.GetByText("You need two-factor sign-in").CountAsync());
    }
}
