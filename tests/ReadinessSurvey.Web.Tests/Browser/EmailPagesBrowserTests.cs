using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Email;
using ReadinessSurvey.Tests.Web.Admin;

namespace ReadinessSurvey.Tests.Web.Browser;

/// <summary>
/// The email pages in a real browser, checked with axe at desktop and phone widths (screenshots are left in
/// the temp folder as readiness-email-*.png). This app has no job server, so messages stay queued.
/// </summary>
[Collection(SharedBrowser.Name)]
[Trait("Category", SharedBrowser.Trait)]
public sealed class EmailPagesBrowserTests(BrowserFixture browser)
{
    private const string Adur = "E07000223";

    [Fact(Timeout = 300_000)]
    public async Task An_admin_sees_each_invitations_emails_sends_again_and_reminds_a_filtered_chase_list_after_confirming()
    {
        var round = await browser.Scenario.OpenRoundAsync("Email round " + Guid.NewGuid().ToString("N")[..6]);
        var alex = await browser.Scenario.InviteAsync(round, Adur, "Alex Smith");
        var refused = await browser.Scenario.InviteAsync(round, Adur, "Sam Jones");
        await browser.Scenario.InviteAsync(round, "E07000224", "Rob Arun");
        await browser.Scenario.DbAsync(async db =>
        {
            var at = DateTime.UtcNow.AddDays(-1);
            db.EmailMessages.AddRange(
                new EmailMessage { InvitationId = alex.Invitation.Id, Kind = EmailKind.Invitation, Status = EmailStatus.Sent, Attempts = 1, QueuedBy = "test", QueuedAt = at, SentAt = at },
                new EmailMessage
                {
                    InvitationId = refused.Invitation.Id, Kind = EmailKind.Invitation, Status = EmailStatus.Failed, Attempts = 3, QueuedBy = "test", QueuedAt = at, LastAttemptAt = at,
                    FailureReason = "The mail server refused the message: 550 5.1.1 <the recipient>: Recipient address rejected: mailbox unavailable",
                });
            return await db.SaveChangesAsync();
        });
        var page = await browser.SignedInAsync(PolicyRoles.Admin);

        await page.GotoAsync($"admin/councils/{Adur}?round={round}");
        var table = await page.Locator("#invitations").InnerTextAsync();
        Assert.Contains("Sent", table, StringComparison.Ordinal);
        Assert.Contains("Failed", table, StringComparison.Ordinal);
        Assert.Contains("Recipient address rejected", table, StringComparison.Ordinal);
        await CheckAsync(page, "council");

        await page.GetByRole(AriaRole.Link, new() { Name = "Send again to Sam Jones" }).ClickAsync();
        Assert.Equal("Email Sam Jones a new link?", await page.Locator("h1").InnerTextAsync());
        await CheckAsync(page, "send");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the email" }).ClickAsync();
        Assert.Contains("A new link is on its way to Sam Jones", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Queued", await page.Locator("#invitations").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync($"admin/councils/chase?round={round}&region=South+East");
        await CheckAsync(page, "chase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reminders by email" }).ClickAsync();
        Assert.Equal("Email a reminder to 3 people at 2 councils?", await page.Locator("h1").InnerTextAsync());
        await CheckAsync(page, "remind");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        Assert.Equal(0, await browser.Scenario.DbAsync(db => db.EmailMessages.CountAsync(m => m.Invitation!.RoundId == round && m.Kind == EmailKind.Reminder)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reminders by email" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the reminders" }).ClickAsync();
        Assert.Contains("Reminders are on their way to 3 people", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("region=South", page.Url, StringComparison.Ordinal);
        Assert.Equal(3, await browser.Scenario.DbAsync(db => db.EmailMessages.CountAsync(m => m.Invitation!.RoundId == round && m.Kind == EmailKind.Reminder)));
    }

    private static async Task CheckAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await BrowserFixture.AssertAccessibleAsync(page);
            await Screens.SaveAsync(page, $"email-{name}-{width}");
        }

        await page.SetViewportSizeAsync(1280, 900);
    }
}
