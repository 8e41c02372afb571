using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Data;
using ReadinessSurvey.Email;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Tests.Email;

public sealed class ReminderScheduleTests
{
    private const string Adur = "E07000223";
    private const string Arun = "E07000224";
    private const string Worthing = "E07000229";
    private const string Crawley = "E07000226";

    private static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTime Closes = new(2025, 2, 28, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Across_the_last_weeks_each_council_not_submitted_gets_each_reminder_once_on_its_day_and_nobody_else_does()
    {
        await using var host = await EmailServices.StartAsync(Start);
        var round = await host.OpenRoundAsync(Closes);
        var alex = await host.InviteAsync(round, Adur, "Alex Smith");
        var sam = await host.InviteAsync(round, Arun, "Sam Jones");
        var jo = await host.InviteAsync(round, Worthing, "Jo Bloggs");
        await host.WithAsync(sp => sp.GetRequiredService<InvitationService>().RevokeAsync(sam.Invitation.Id, "test"));
        IssuedInvitation? lee = null;

        // Every 6 hours from now until a day after closing, as if the reminder job ran that often.
        var sent = new List<(DateTime At, int Invitation, int Day)>();
        while (host.Clock.GetUtcNow() < Closes.AddDays(1))
        {
            var now = host.Clock.GetUtcNow().UtcDateTime;
            if (now >= Closes.AddDays(-10) && now < Closes.AddDays(-10).AddHours(6))
            {
                await host.SubmitAsync(jo);
            }

            if (lee is null && now >= Closes.AddDays(-5))
            {
                lee = await host.InviteAsync(round, Crawley, "Lee Patel");
            }

            var queued = await host.WithAsync(sp => sp.GetRequiredService<EmailOutbox>().QueueScheduledRemindersAsync([14, 7, 2]));
            var again = await host.WithAsync(sp => sp.GetRequiredService<EmailOutbox>().QueueScheduledRemindersAsync([14, 7, 2]));
            Assert.Equal(0, again);
            var messages = await host.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().EmailMessages.AsNoTracking()
                .Where(m => m.QueuedAt == now).ToListAsync());
            Assert.Equal(queued, messages.Count);
            sent.AddRange(messages.Select(m => (now, m.InvitationId, m.ReminderDaysBefore!.Value)));
            host.Clock.Advance(TimeSpan.FromHours(6));
        }

        // Alex (not submitted): 14, 7 and 2 days before, each within six hours of its moment, once.
        var forAlex = sent.Where(s => s.Invitation == alex.Invitation.Id).ToList();
        Assert.Equal([14, 7, 2], forAlex.Select(s => s.Day));
        foreach (var (at, _, day) in forAlex)
        {
            Assert.InRange(at, Closes.AddDays(-day), Closes.AddDays(-day).AddHours(6));
        }

        // Sam (revoked): nothing. Jo (submitted 10 days before): only the 14-day one. Lee (invited 5 days before): only the 2-day one.
        Assert.DoesNotContain(sent, s => s.Invitation == sam.Invitation.Id);
        Assert.Equal([14], sent.Where(s => s.Invitation == jo.Invitation.Id).Select(s => s.Day));
        Assert.Equal([2], sent.Where(s => s.Invitation == lee!.Invitation.Id).Select(s => s.Day));
        Assert.Equal(5, sent.Count);

        // Each was really sent: five messages in the pickup folder, Alex's saying what the issue asks for.
        var mail = host.Messages();
        Assert.Equal(5, mail.Count);
        var toAlex = mail.Where(m => m.To.Mailboxes.Single().Address == "alex.smith@example.gov.uk").ToList();
        Assert.Equal(3, toAlex.Count);
        Assert.All(toAlex, m => Assert.Equal("Reminder: Adur's AI readiness return closes on Friday 28 February 2025 at 17:00 UK time", m.Subject));
        var body = toAlex[0].TextBody;
        Assert.Contains("Dear Alex Smith,", body, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/respond/start/", body, StringComparison.Ordinal);
        Assert.Contains("The survey closes on Friday 28 February 2025 at 17:00 UK time.", body, StringComparison.Ordinal);
        Assert.Contains("contact the survey team at survey@lga.example.", body, StringComparison.Ordinal);
        Assert.All(await host.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().EmailMessages.ToListAsync()), m => Assert.Equal(EmailStatus.Sent, m.Status));
    }

    [Fact]
    public async Task The_link_in_the_latest_message_signs_the_person_in_and_an_earlier_one_no_longer_does()
    {
        await using var host = await EmailServices.StartAsync(Start);
        var round = await host.OpenRoundAsync(Closes);
        var alex = await host.InviteAsync(round, Adur, "Alex Smith");

        await host.WithAsync(sp => sp.GetRequiredService<EmailOutbox>().QueueAsync([alex.Invitation.Id], EmailKind.Invitation, "test"));
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.WithAsync(sp => sp.GetRequiredService<EmailOutbox>().QueueAsync([alex.Invitation.Id], EmailKind.NewLink, "test"));

        // The invitation first, then the new link (pickup file names order only to the second).
        var tokens = host.Messages()
            .OrderBy(m => (m.Subject ?? "").StartsWith("Your new link", StringComparison.Ordinal) ? 1 : 0)
            .Select(m => System.Text.RegularExpressions.Regex.Match(m.TextBody ?? "", "/respond/start/([A-Za-z0-9_-]+)").Groups[1].Value).ToList();
        Assert.Equal(2, tokens.Distinct().Count());
        var found = await host.WithAsync(async sp => (
            First: await sp.GetRequiredService<InvitationService>().FindUsableAsync(tokens[0]),
            Printed: await sp.GetRequiredService<InvitationService>().FindUsableAsync(alex.Token),
            Latest: await sp.GetRequiredService<InvitationService>().FindUsableAsync(tokens[1])));
        Assert.Null(found.First);
        Assert.Null(found.Printed);
        Assert.Equal(alex.Invitation.Id, found.Latest?.Id);
        Assert.Contains(host.Messages(), m => m.Subject == "Your new link to Adur's AI readiness return");
    }

    [Fact]
    public async Task Reminder_days_that_are_not_whole_numbers_are_refused_with_the_setting_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new EmailOptions { ReminderDaysBeforeClose = "14, seven" }.ReminderDays());

        Assert.Contains("Email:ReminderDaysBeforeClose: 'seven'", error.Message, StringComparison.Ordinal);
        Assert.Equal([14, 7, 2], new EmailOptions { ReminderDaysBeforeClose = "2,14,7,7" }.ReminderDays());
    }
}
