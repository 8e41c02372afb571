using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.Web.Admin;

namespace ReadinessSurvey.Tests.Web.Browser;

/// <summary>
/// The policy team's rounds, councils, invitations, chase list and audit log in a real browser, each page
/// checked with axe (which needs JavaScript; that the pages work without it is shown by the HTTP tests,
/// which post the plain forms).
/// </summary>
[Collection(SharedBrowser.Name)]
[Trait("Category", SharedBrowser.Trait)]
public sealed class PolicyWorkspaceTests(BrowserFixture browser)
{
    [Fact(Timeout = 300_000)]
    public async Task An_admin_opens_a_round_then_closes_another_after_confirming()
    {
        var page = await SignInAsync(PolicyRoles.Admin, javaScript: true);
        var name = "Browser round " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("admin/rounds");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a round" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and open the round" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter the closing date", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Survey and version").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var closes = page.GetByRole(AriaRole.Group, new() { Name = "Closing date" });
        await closes.GetByLabel("Day").FillAsync("31");
        await closes.GetByLabel("Month").FillAsync("12");
        await closes.GetByLabel("Year").FillAsync((DateTime.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and open the round" }).ClickAsync();

        Assert.Contains(name, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("created", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Equal(RoundStatus.Open, await browser.Scenario.DbAsync(db => db.Rounds.Where(r => r.Name == name).Select(r => r.Status).SingleAsync()));

        // Closing asks first; cancelling changes nothing, confirming closes.
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the round" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        Assert.Equal(RoundStatus.Open, await browser.Scenario.DbAsync(db => db.Rounds.Where(r => r.Name == name).Select(r => r.Status).SingleAsync()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the round" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the round" }).ClickAsync();
        Assert.Contains("is closed", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(RoundStatus.Closed, await browser.Scenario.DbAsync(db => db.Rounds.Where(r => r.Name == name).Select(r => r.Status).SingleAsync()));

        // The audit log shows both, and filters.
        await page.GotoAsync("admin/audit");
        await page.GetByLabel("What").SelectOptionAsync("round.closed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        Assert.Contains("round.closed", await page.Locator("#audit").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("round.opened", await page.Locator("#audit tbody").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact(Timeout = 300_000)]
    public async Task An_admin_invites_someone_revokes_and_reopens_a_submitted_return()
    {
        var round = await browser.Scenario.OpenRoundAsync("Invite round " + Guid.NewGuid().ToString("N")[..6]);
        await browser.Scenario.SubmitAsync(await browser.Scenario.InviteAsync(round, "E07000223", "Alex Smith"));
        var page = await SignInAsync(PolicyRoles.Admin, javaScript: true);

        await page.GotoAsync($"admin/rounds/{round}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite councils" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("London", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        Assert.Contains("region=London", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Westminster", Exact = true }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite someone" }).ClickAsync();
        await page.GetByLabel("Full name").FillAsync("Robin Taylor");
        await page.GetByLabel("Email address").FillAsync("not an email");
        await page.GetByLabel("Role").FillAsync("Head of data");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the invitation" }).ClickAsync();
        Assert.Contains("is not an email address", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Email address").FillAsync("robin.taylor@westminster.gov.uk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the invitation" }).ClickAsync();

        var link = await page.GetByLabel("Invitation link").InputValueAsync();
        Assert.StartsWith(browser.BaseUrl + "respond/start/", link, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        var respondent = await browser.NewPageAsync();
        await respondent.GotoAsync(link);
        Assert.EndsWith("/respond", respondent.Url, StringComparison.Ordinal);

        // Revoke after confirming: the person's next request is refused.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to Westminster" }).First.ClickAsync();
        Assert.Contains("Robin Taylor", await page.Locator("#invitations").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Revoke for Robin Taylor" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the invitation" }).ClickAsync();
        Assert.Contains("Their link no longer works", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        await respondent.GotoAsync("respond");
        Assert.DoesNotContain("/respond/section", await respondent.ContentAsync(), StringComparison.Ordinal);

        // Reopen Adur's submitted return with a reason.
        await page.GotoAsync($"admin/rounds/{round}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Adur", Exact = true }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen this return" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen the return" }).ClickAsync();
        Assert.Contains("Enter the reason", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Why are you reopening it?").FillAsync("Staff numbers were wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen the return" }).ClickAsync();
        Assert.Equal("In progress", (await page.Locator("#return-status").InnerTextAsync()).Trim());
        Assert.Contains("Staff numbers were wrong", await page.Locator("#history").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact(Timeout = 300_000)]
    public async Task The_chase_list_filters_downloads_and_gives_new_links_for_a_mail_merge()
    {
        var round = await browser.Scenario.OpenRoundAsync("Chase round " + Guid.NewGuid().ToString("N")[..6]);
        await browser.Scenario.SubmitAsync(await browser.Scenario.InviteAsync(round, "E07000223", "Alex Smith"));
        await browser.Scenario.StartAsync(await browser.Scenario.InviteAsync(round, "E07000224", "Ash Patel"));
        var birmingham = await browser.Scenario.InviteAsync(round, "E08000025", "Bo Green");
        var page = await SignInAsync(PolicyRoles.Admin, javaScript: true);

        await page.GotoAsync($"admin/councils/chase?round={round}");
        await BrowserFixture.AssertAccessibleAsync(page);
        var table = await page.Locator("#chase tbody").InnerTextAsync();
        Assert.Contains("Arun", table, StringComparison.Ordinal);
        Assert.Contains("Birmingham", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Adur", table, StringComparison.Ordinal);

        await page.GetByLabel("Metropolitan district", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        table = await page.Locator("#chase tbody").InnerTextAsync();
        Assert.Contains("Birmingham", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Arun", table, StringComparison.Ordinal);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the chase list (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("\"E08000025\",\"Birmingham\",\"Metropolitan district\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("E07000224", csv, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "New links for a chase email" }).ClickAsync();
        Assert.Contains("Give 1 people new links?", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        var links = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Make new links and download them" }).ClickAsync());
        var lines = (await File.ReadAllLinesAsync(await links.PathAsync())).Select(l => l.TrimStart('\uFEFF')).ToList();
        Assert.Equal(MailMergeCsv.LinksHeader, lines[0]);
        Assert.Equal(2, lines.Count);
        Assert.False(await browser.Scenario.TokenUsableAsync(birmingham.Token));
        var respondent = await browser.NewPageAsync();
        await respondent.GotoAsync(lines[1].Split(',')[^1].Trim('"'));
        Assert.EndsWith("/respond", respondent.Url, StringComparison.Ordinal);

        // Bulk invitations from a file: the response is the mail-merge file.
        await page.GotoAsync($"admin/councils/invite-many?round={round}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "people.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("council_code,name,email,role\nE09000033,Robin Taylor,robin@westminster.gov.uk,Head of data\n"),
        });
        var invited = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Invite everyone and download the links" }).ClickAsync());
        Assert.Contains("Robin Taylor", await File.ReadAllTextAsync(await invited.PathAsync()), StringComparison.Ordinal);
    }

    [Fact(Timeout = 300_000)]
    public async Task An_analyst_sees_no_change_buttons_and_a_forged_post_is_refused()
    {
        var round = await browser.Scenario.OpenRoundAsync("Analyst round " + Guid.NewGuid().ToString("N")[..6]);
        var invitation = await browser.Scenario.InviteAsync(round, "E07000229", "Sam Jones");
        var page = await SignInAsync(PolicyRoles.Analyst, javaScript: true);

        await page.GotoAsync($"admin/rounds/{round}");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Close the round" }).CountAsync());
        await page.GotoAsync($"admin/councils/E07000229?round={round}");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Invite someone" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Revoke for Sam Jones" }).CountAsync());
        await page.GotoAsync($"admin/rounds/{round}/close");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Close the round" }).CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        // A forged post with the analyst's own valid antiforgery token (from the sign-out form) is still refused.
        var result = await page.EvaluateAsync<string>(
            """
            async (path) => {
              const token = document.querySelector('input[name="__RequestVerificationToken"]').value;
              const response = await fetch(path, { method: 'POST', body: new URLSearchParams({ __RequestVerificationToken: token }) });
              return response.status + ' ' + response.url;
            }
            """,
            $"/admin/rounds/{round}/close");
        Assert.Contains("/account/access-denied", result, StringComparison.Ordinal);
        Assert.Equal(RoundStatus.Open, (await browser.Scenario.RoundAsync(round)).Status);
        Assert.True(await browser.Scenario.TokenUsableAsync(invitation.Token));

        await page.GotoAsync("admin/audit");
        Assert.Contains("/account/access-denied", page.Url, StringComparison.Ordinal);
    }

    private async Task<IPage> SignInAsync(string role, bool javaScript)
    {
        var page = await browser.SignedInAsync(role, javaScript);
        Assert.EndsWith("/admin", page.Url, StringComparison.Ordinal);
        return page;
    }
}
