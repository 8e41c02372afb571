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

    /// <summary>A new browser page signed in as a new user with the role (an admin with an authenticator code, as they must to make changes).</summary>
    public static async Task<IPage> SignedInAsync(this BrowserFixture browser, string role, bool javaScript = true)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = await browser.NewPageAsync(javaScript);
        if (role != ReadinessSurvey.Accounts.PolicyRoles.Admin)
        {
            var (email, password) = await browser.Factory.AddUserAsync(role);
            await SignInAsync(page, email, password, checkAccessibility: false);
            return page;
        }

        var (adminEmail, adminPassword, key) = await browser.Factory.AddUserWithTwoFactorAsync(role);
        await SignInAsync(page, adminEmail, adminPassword, checkAccessibility: false);
        await EnterCodeAsync(page, key);
        return page;
    }

    /// <summary>The second step of sign-in: the authenticator app's current code.</summary>
    public static async Task EnterCodeAsync(IPage page, string key)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("Enter the code from your authenticator app").FillAsync(Accounts.SignInTests.CodeFor(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/two-factor", StringComparison.Ordinal));
    }
}
