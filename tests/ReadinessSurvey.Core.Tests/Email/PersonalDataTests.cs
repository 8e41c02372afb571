using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Data;
using ReadinessSurvey.Email;
using ReadinessSurvey.Privacy;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Email;

public sealed class PersonalDataTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTime Closes = new(2025, 2, 28, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Past_the_retention_period_names_emails_and_roles_are_erased_and_audit_entries_pseudonymised_keeping_the_return()
    {
        await using var host = await EmailServices.StartAsync(Start, retainMonths: 6);
        var (round, alex, sam, returnId) = await RoundWithHistoryAsync(host);
        var other = await host.OpenRoundAsync(Closes.AddYears(1), "Next year");
        var kim = await host.InviteAsync(other, "E07000229", "Kim Lowe");
        var before = await SnapshotAsync(host, returnId);

        // Not yet: the round closed five months ago.
        host.Clock.SetUtcNow(new DateTimeOffset(Closes.AddMonths(5)));
        Assert.Equal(0, await Retention(host));
        Assert.Equal("Alex Smith", (await InvitationAsync(host, alex.Invitation.Id)).Name);

        host.Clock.SetUtcNow(new DateTimeOffset(Closes.AddMonths(6).AddDays(1)));
        Assert.Equal(2, await Retention(host));
        Assert.Equal(0, await Retention(host));

        await using var db = host.Database.CreateContext();
        var invitations = await db.Invitations.Where(i => i.RoundId == round).ToListAsync();
        Assert.All(invitations, i =>
        {
            Assert.Equal(PersonalData.FormerContributor, i.Name);
            Assert.Equal("", i.Email);
            Assert.Equal("", i.Role);
            Assert.NotNull(i.ErasedAt);
            Assert.NotNull(i.RevokedAt);
        });
        Assert.Equal("Kim Lowe", (await db.Invitations.SingleAsync(i => i.Id == kim.Invitation.Id)).Name);
        var contributor = await db.Contributors.SingleAsync(c => c.ReturnId == returnId);
        Assert.Equal(PersonalData.FormerContributor, contributor.Name);
        Assert.Equal("", contributor.Role);
        var history = await db.SubmissionEvents.Where(e => e.ReturnId == returnId).ToListAsync();
        Assert.All(history, e => Assert.Equal(PersonalData.FormerContributor, e.Actor));
        var events = await db.AuditEvents.ToListAsync();
        Assert.DoesNotContain(events, e => e.Actor == $"contributor:{contributor.Id}");
        Assert.Contains(events, e => e.Actor == PersonalData.FormerContributor && e.Action == "return.submitted" && e.Target == $"return:{returnId}");
        Assert.Single(events, e => e.Action == "people.erased" && e.Actor == "system" && e.Details!.StartsWith("2 invitations, 1 contributors", StringComparison.Ordinal));

        // The council's return is untouched: same status, answers, scores and history entries.
        Assert.Equal(before, await SnapshotAsync(host, returnId));

        // Nothing personal is left anywhere in the database's text.
        var everything = string.Join("\n", invitations.Select(i => i.Name + i.Email + i.Role))
            + string.Join("\n", events.Select(e => e.Actor + e.Target + e.Details))
            + string.Join("\n", history.Select(h => h.Actor + h.AnswersJson))
            + string.Join("\n", (await db.EmailMessages.ToListAsync()).Select(m => m.FailureReason + m.QueuedBy));
        foreach (var personal in new[] { "Alex Smith", "alex.smith@example.gov.uk", "Sam Jones", "sam.jones@example.gov.uk", "Head of digital" })
        {
            Assert.DoesNotContain(personal, everything, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Export_gives_everything_held_about_the_person_and_erase_removes_it_now_with_the_same_rules()
    {
        await using var host = await EmailServices.StartAsync(Start);
        var (_, alex, sam, returnId) = await RoundWithHistoryAsync(host);

        var json = await host.WithAsync(sp => sp.GetRequiredService<PersonalData>().ExportAsync(" Alex.Smith@EXAMPLE.gov.uk "));
        using var export = JsonDocument.Parse(json);
        var invitation = export.RootElement.GetProperty("invitations").EnumerateArray().Single();
        Assert.Equal("Alex Smith", invitation.GetProperty("name").GetString());
        Assert.Equal("alex.smith@example.gov.uk", invitation.GetProperty("email").GetString());
        Assert.Equal("Adur", invitation.GetProperty("council").GetString());
        var contribution = invitation.GetProperty("contributions").EnumerateArray().Single();
        Assert.Equal(returnId, contribution.GetProperty("return_id").GetInt32());
        Assert.True(contribution.GetProperty("answers_last_changed_by_them").GetInt32() > 10);
        Assert.Equal("Sent", invitation.GetProperty("emails").EnumerateArray().Single().GetProperty("status").GetString());
        var actions = export.RootElement.GetProperty("audit_entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("invitation.created", actions);
        Assert.Contains("respondent.signed-in", actions);
        Assert.Contains("return.submitted", actions);
        Assert.Contains("email.sent", actions);
        Assert.DoesNotContain("Sam Jones", json, StringComparison.Ordinal);

        Assert.Equal(1, await host.WithAsync(sp => sp.GetRequiredService<PersonalData>().EraseAsync("alex.smith@example.gov.uk", "cli")));
        Assert.Equal(0, await host.WithAsync(sp => sp.GetRequiredService<PersonalData>().EraseAsync("alex.smith@example.gov.uk", "cli")));

        Assert.Equal(PersonalData.FormerContributor, (await InvitationAsync(host, alex.Invitation.Id)).Name);
        Assert.Equal("Sam Jones", (await InvitationAsync(host, sam.Invitation.Id)).Name);
        var after = await host.WithAsync(sp => sp.GetRequiredService<PersonalData>().ExportAsync("alex.smith@example.gov.uk"));
        Assert.Empty(JsonDocument.Parse(after).RootElement.GetProperty("invitations").EnumerateArray());
        await using var db = host.Database.CreateContext();
        var erased = await db.AuditEvents.SingleAsync(e => e.Action == "people.erased");
        Assert.Equal("cli", erased.Actor);
        Assert.DoesNotContain("alex", erased.Details!, StringComparison.OrdinalIgnoreCase);

        // An erased invitation gets no more email.
        await Assert.ThrowsAsync<InvitationException>(() => host.WithAsync(sp => sp.GetRequiredService<EmailOutbox>().QueueAsync([alex.Invitation.Id], EmailKind.Reminder, "test")));
    }

    /// <summary>A closed round: Alex signed in, answered, submitted and was emailed; Sam was invited and never came.</summary>
    private static async Task<(int Round, IssuedInvitation Alex, IssuedInvitation Sam, int ReturnId)> RoundWithHistoryAsync(EmailServices host)
    {
        var round = await host.OpenRoundAsync(Closes);
        var alex = await host.InviteAsync(round, "E07000223", "Alex Smith");
        var sam = await host.InviteAsync(round, "E07000223", "Sam Jones");
        await host.WithAsync(sp => sp.GetRequiredService<EmailOutbox>().QueueAsync([alex.Invitation.Id], EmailKind.Invitation, "test"));
        var returnId = await host.SubmitAsync(alex);
        host.Clock.SetUtcNow(new DateTimeOffset(Closes.AddDays(1)));
        await host.WithAsync(sp => sp.GetRequiredService<RoundService>().CloseAsync(round, "test"));
        return (round, alex, sam, returnId);
    }

    private static Task<int> Retention(EmailServices host) =>
        host.WithAsync(sp => sp.GetRequiredService<PersonalData>().EraseExpiredAsync("system"));

    private static Task<Invitation> InvitationAsync(EmailServices host, int id) =>
        host.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().Invitations.AsNoTracking().SingleAsync(i => i.Id == id));

    private static Task<string> SnapshotAsync(EmailServices host, int returnId) =>
        host.WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReadinessDbContext>();
            var r = await db.Returns.AsNoTracking().SingleAsync(x => x.Id == returnId);
            var answers = await db.Answers.AsNoTracking().Where(a => a.ReturnId == returnId).OrderBy(a => a.QuestionId).Select(a => a.QuestionId + "=" + a.ValueJson).ToListAsync();
            var scores = await db.ReturnScores.AsNoTracking().Where(s => s.ReturnId == returnId).OrderBy(s => s.DimensionId).Select(s => s.DimensionId + "=" + s.Score).ToListAsync();
            var history = await db.SubmissionEvents.AsNoTracking().Where(e => e.ReturnId == returnId).OrderBy(e => e.Id).Select(e => e.Kind + e.AnswersJson + e.ProfileJson).ToListAsync();
            return $"{r.Status} {r.OverallScore} {r.SubmittedAt:O}\n{string.Join("\n", answers)}\n{string.Join("\n", scores)}\n{string.Join("\n", history)}";
        });
}
