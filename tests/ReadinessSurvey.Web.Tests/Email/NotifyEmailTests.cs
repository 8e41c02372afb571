using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Email;
using ReadinessSurvey.Tests.Web.Admin;

namespace ReadinessSurvey.Tests.Web.Email;

/// <summary>The web app sending through GOV.UK Notify's own client, to a stand-in of Notify's API on loopback.</summary>
public sealed class NotifyWebFactory : ReadinessWebFactory
{
    public const string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    public const string InvitationTemplate = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    public const string ReminderTemplate = "a1b2c3d4-0000-4000-8000-000000000002";

    public NotifyWebFactory()
    {
        Settings["Jobs:Server"] = "true";
        Settings["Site:BaseUrl"] = "https://ai-readiness.example.gov.uk/";
        Settings["Email:Mode"] = "Notify";
        Settings["Email:Notify:BaseUrl"] = Notify.BaseUrl;
        Settings["Email:Notify:ApiKey"] = $"test_key-{ServiceId}-3d844edf-8d35-48ac-975b-e847b4f122b0";
        Settings["Email:Notify:InvitationTemplateId"] = InvitationTemplate;
        Settings["Email:Notify:ReminderTemplateId"] = ReminderTemplate;
        Settings["Email:RetryDelaySeconds"] = "0";
    }

    public NotifyStandIn Notify { get; } = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Notify.Dispose();
        }
    }
}

public sealed class NotifyEmailTests(NotifyWebFactory factory) : IClassFixture<NotifyWebFactory>
{
    private readonly Scenario _scenario = new(factory);

    [Fact]
    public async Task Invitations_go_to_notify_with_the_template_and_the_fields_it_fills_in_and_refusals_fail_with_notifys_reason()
    {
        var round = await _scenario.OpenRoundAsync("notify " + Guid.NewGuid(), closes: new DateTime(2030, 3, 1, 12, 0, 0, DateTimeKind.Utc));
        var alex = await _scenario.InviteAsync(round, "E07000223", "Alex Smith");
        var refused = await _scenario.InviteAsync(round, "E07000224", "Refuse Me");

        await _scenario.WithAsync(sp => sp.GetRequiredService<EmailOutbox>().QueueAsync([alex.Invitation.Id, refused.Invitation.Id], EmailKind.Invitation, "test"));
        var statuses = await WaitAsync(round);

        var sent = factory.Notify.Requests.Single(r => r.Body.GetProperty("email_address").GetString() == "alex.smith@example.gov.uk");
        Assert.Equal("/v2/notifications/email", sent.Path);
        Assert.Equal(NotifyWebFactory.InvitationTemplate, sent.Body.GetProperty("template_id").GetString());
        var fields = sent.Body.GetProperty("personalisation");
        Assert.Equal("Alex Smith", fields.GetProperty("name").GetString());
        Assert.Equal("Adur", fields.GetProperty("council").GetString());
        Assert.Equal("Friday 1 March 2030 at 12:00 UK time", fields.GetProperty("closing_date").GetString());
        Assert.StartsWith("https://ai-readiness.example.gov.uk/respond/start/", fields.GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.Equal("You are invited to complete Adur's AI readiness return", fields.GetProperty("subject").GetString());

        // Notify's client signs each request with a JWT whose issuer is the service id from the API key.
        Assert.StartsWith("Bearer ", sent.Authorization, StringComparison.Ordinal);
        var payload = sent.Authorization!["Bearer ".Length..].Split('.')[1];
        var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload.Replace('-', '+').Replace('_', '/').PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')))).RootElement;
        Assert.Equal(NotifyWebFactory.ServiceId, claims.GetProperty("iss").GetString());

        Assert.Equal(EmailStatus.Sent, statuses[alex.Invitation.Id].Status);
        var failed = statuses[refused.Invitation.Id];
        Assert.Equal(EmailStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("team-only API key", failed.FailureReason, StringComparison.Ordinal);
        Assert.Equal(3, factory.Notify.Requests.Count(r => r.Body.GetProperty("email_address").GetString() == "refuse.me@example.gov.uk"));
    }

    private async Task<Dictionary<int, EmailMessage>> WaitAsync(int round)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var messages = await _scenario.DbAsync(db => db.EmailMessages.AsNoTracking().Where(m => m.Invitation!.RoundId == round).ToListAsync());
            if (messages.All(m => m.Status != EmailStatus.Queued))
            {
                return messages.ToDictionary(m => m.InvitationId);
            }

            Assert.True(DateTime.UtcNow < until, "The Notify messages were not all sent or failed in time.");
            await Task.Delay(100);
        }
    }
}
