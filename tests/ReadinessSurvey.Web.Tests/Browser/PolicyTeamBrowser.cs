using Microsoft.Playwright;

namespace ReadinessSurvey.Tests.Web.Browser;

/// <summary>Signs a member of the policy team in through the real sign-in form, checking each page with axe.</summary>
public static class PolicyTeamBrowser
{
    public static async Task SignInAsync(IPage page, string email, string password, bool checkAccessibility = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("account/sign-in");
        if (checkAccessibility)
        {
            await BrowserFixture.AssertAccessibleAsync(page);
        }

        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>A new browser page signed in as a new user with the role.</summary>
    public static async Task<IPage> SignedInAsync(this BrowserFixture browser, string role, bool javaScript = true)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var (email, password) = await browser.Factory.AddUserAsync(role);
        var page = await browser.NewPageAsync(javaScript);
        await SignInAsync(page, email, password, checkAccessibility: false);
        return page;
    }
}
