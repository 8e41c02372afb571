using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Email;
using ReadinessSurvey.Tests.Web.Admin;

namespace ReadinessSurvey.Tests.Web.Email;

public sealed class SmtpEmailTests(EmailWebFactory factory) : IClassFixture<EmailWebFactory>
{
    private const string Adur = "E07000223";

    private readonly Scenario _scenario = new(factory);

    [Fact]
    public async Task An_admin_emails_an_invitation_through_a_real_smtp_server_and_its_link_signs_the_person_in()
    {
        var round = await _scenario.OpenRoundAsync("smtp " + Guid.NewGuid(), closes: new DateTime(2030, 3, 1, 12, 0, 0, DateTimeKind.Utc));
        var invitation = await _scenario.InviteAsync(round, Adur, "Alex Smith");
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);

        var confirm = await admin.GetPageAsync($"/admin/councils/{Adur}/invitations/{invitation.Invitation.Id}/send");
        var response = await admin.PostAsync($"/admin/councils/{Adur}/invitations/{invitation.Invitation.Id}/send", []);
        var message = await factory.Smtp.WaitForAsync("alex.smith@example.gov.uk");

        Assert.Contains("Email Alex Smith their invitation?", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("alex.smith@example.gov.uk", message.To.Mailboxes.Single().Address);
        Assert.Equal("ai-readiness@lga.example", message.From.Mailboxes.Single().Address);
        Assert.Equal("You are invited to complete Adur's AI readiness return", message.Subject);
        var body = message.TextBody!;
        Assert.Contains("Dear Alex Smith,", body, StringComparison.Ordinal);
        Assert.Contains("The survey closes on Friday 1 March 2030 at 12:00 UK time.", body, StringComparison.Ordinal);
        Assert.Contains("contact the survey team at ai-readiness@lga.example.", body, StringComparison.Ordinal);
        var link = await factory.WaitForLinkAsync("alex.smith@example.gov.uk");
        Assert.Contains(link, body, StringComparison.Ordinal);

        // Follow the link as the person would: it signs them in to their council's return.
        using var person = factory.CreateFormClient();
        var start = await person.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Contains("Adur District Council", await person.GetPageAsync("/respond"), StringComparison.Ordinal);

        // The council's page shows the message as sent.
        var sent = await WaitForStatusAsync(invitation.Invitation.Id, EmailStatus.Sent);
        Assert.Equal(1, sent.Attempts);
        var page = await admin.GetPageAsync($"/admin/councils/{Adur}?round={round}");
        Assert.Matches(@"govuk-tag--green"">Sent</strong>\s*Invitation", page);
        Assert.Equal(1, await _scenario.AuditCountAsync("email.queued", $"invitation:{invitation.Invitation.Id}"));
        Assert.Equal(1, await _scenario.AuditCountAsync("email.sent", $"invitation:{invitation.Invitation.Id}"));
    }

    [Fact]
    public async Task A_refused_message_is_tried_again_then_shown_as_failed_with_the_servers_reason()
    {
        var round = await _scenario.OpenRoundAsync("refused " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round, Adur, "Refuse Me");
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);

        await admin.PostAsync($"/admin/councils/{Adur}/invitations/{invitation.Invitation.Id}/send", []);
        var failed = await WaitForStatusAsync(invitation.Invitation.Id, EmailStatus.Failed);

        Assert.Equal(3, failed.Attempts);
        Assert.Contains("550", failed.FailureReason, StringComparison.Ordinal);
        Assert.Contains("mailbox unavailable", failed.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain("refuse.me@", failed.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Smtp.Messages(), m => m.EnvelopeTo.Contains("refuse", StringComparison.Ordinal));
        var page = await admin.GetPageAsync($"/admin/councils/{Adur}?round={round}");
        Assert.Matches(@"govuk-tag--red"">Failed</strong>\s*Invitation, .* \(3 tries\)", page);
        Assert.Contains("Recipient address rejected: mailbox unavailable", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var chase = await admin.GetPageAsync($"/admin/councils/chase?round={round}");
        Assert.Contains("1 failed", chase, StringComparison.Ordinal);
        Assert.Equal(1, await _scenario.AuditCountAsync("email.failed", $"invitation:{invitation.Invitation.Id}"));
    }

    [Fact]
    public async Task Reminders_to_a_filtered_chase_list_ask_first_and_go_only_to_councils_not_submitted()
    {
        var round = await _scenario.OpenRoundAsync("remind " + Guid.NewGuid());
        var adur = await _scenario.InviteAsync(round, Adur, "Ria Adur");
        var arun = await _scenario.InviteAsync(round, "E07000224", "Rob Arun");
        var worthing = await _scenario.InviteAsync(round, "E07000229", "Wes Worthing");
        await _scenario.InviteAsync(round, "E08000025", "Bea Birmingham");
        await _scenario.SubmitAsync(worthing);
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);
        using var analyst = await factory.SignInAsAsync(PolicyRoles.Analyst);
        var filter = $"round={round}&type=Non-metropolitan+district";

        var confirm = await admin.GetPageAsync($"/admin/councils/chase/remind?{filter}");
        var denied = await analyst.PostAsync($"/admin/councils/chase/remind?{filter}", [], withToken: true);
        var noToken = await admin.PostAsync($"/admin/councils/chase/remind?{filter}", [], withToken: false);
        Assert.Empty(await _scenario.DbAsync(db => db.EmailMessages.Where(m => m.Invitation!.RoundId == round).ToListAsync()));
        var response = await admin.PostAsync($"/admin/councils/chase/remind?{filter}", []);

        Assert.Contains("Email a reminder to 2 people at 2 councils?", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/access-denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reminded = await _scenario.DbAsync(db => db.EmailMessages.Where(m => m.Invitation!.RoundId == round).Select(m => m.InvitationId).ToListAsync());
        Assert.Equal([adur.Invitation.Id, arun.Invitation.Id], reminded.Order());
        await factory.Smtp.WaitForAsync("rob.arun@example.gov.uk");
        var toRia = await factory.Smtp.WaitForAsync("ria.adur@example.gov.uk");
        Assert.StartsWith("Reminder: Adur's AI readiness return closes on ", toRia.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Smtp.Messages(), m => m.EnvelopeTo is "wes.worthing@example.gov.uk" or "bea.birmingham@example.gov.uk");
        Assert.Equal(1, await _scenario.AuditCountAsync("email.queued", $"round:{round}"));
    }

    private async Task<EmailMessage> WaitForStatusAsync(int invitationId, EmailStatus status)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var message = await _scenario.DbAsync(db => db.EmailMessages.AsNoTracking().OrderByDescending(m => m.Id).FirstOrDefaultAsync(m => m.InvitationId == invitationId));
            if (message?.Status == status)
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < until, $"The message for invitation {invitationId} is {message?.Status.ToString() ?? "missing"}, not {status}.");
            await Task.Delay(100);
        }
    }
}
