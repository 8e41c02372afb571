using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Tests.Web.Admin;

public sealed partial class AuditPageTests(ReadinessWebFactory factory) : IClassFixture<ReadinessWebFactory>
{
    private readonly Scenario _scenario = new(factory);

    [Fact]
    public async Task Admins_filter_the_log_by_action_actor_target_and_date_newest_first()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await RecordAsync(("alice-" + tag, "test.first", $"thing:{tag}-1"), ("bob-" + tag, "test.second", $"thing:{tag}-2"), ("alice-" + tag, "test.second", $"thing:{tag}-3"));
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);
        var uk = UkTime.FromUtc(DateTime.UtcNow);
        string Today(string field) => $"{field}.Day={uk.Day}&{field}.Month={uk.Month}&{field}.Year={uk.Year}";

        var byActor = await admin.GetPageAsync($"/admin/audit?actor=alice-{tag}");
        var byAction = await admin.GetPageAsync($"/admin/audit?action=test.second&actor={tag}");
        var byTarget = await admin.GetPageAsync($"/admin/audit?target={tag}-2");
        var byDate = await admin.GetPageAsync($"/admin/audit?actor={tag}&{Today("from")}&{Today("to")}");
        var before = await admin.GetPageAsync($"/admin/audit?actor={tag}&to.Day=1&to.Month=1&to.Year=2001");

        Assert.Equal([$"thing:{tag}-3", $"thing:{tag}-1"], Targets(byActor, tag));
        Assert.Equal([$"thing:{tag}-3", $"thing:{tag}-2"], Targets(byAction, tag));
        Assert.Equal([$"thing:{tag}-2"], Targets(byTarget, tag));
        Assert.Equal(3, Targets(byDate, tag).Count);
        Assert.Empty(Targets(before, tag));
        Assert.Contains("<option value=\"test.second\" selected=\"selected\">", byAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_is_paged_fifty_events_a_page()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await RecordAsync(Enumerable.Range(1, 60).Select(i => ("pager-" + tag, "test.paged", $"item:{tag}-{i:00}")).ToArray());
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);

        var first = await admin.GetPageAsync($"/admin/audit?actor=pager-{tag}");
        var second = await admin.GetPageAsync($"/admin/audit?actor=pager-{tag}&page=2");

        Assert.Equal(50, Targets(first, tag).Count);
        Assert.Equal($"item:{tag}-60", Targets(first, tag)[0]);
        Assert.Equal(10, Targets(second, tag).Count);
        Assert.Equal($"item:{tag}-01", Targets(second, tag)[^1]);
        Assert.Contains($"href=\"/admin/audit?actor=pager-{tag}&amp;page=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains("60 events", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_gets_a_clear_error()
    {
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);

        var page = await admin.GetPageAsync("/admin/audit?from.Day=31&from.Month=2&from.Year=2026");
        var partial = await admin.GetPageAsync("/admin/audit?to.Day=3&to.Year=2026");

        Assert.Contains("The start date must be a real date, like 31 3 2026", page, StringComparison.Ordinal);
        Assert.Contains("The end date must include a day, month and year", partial, StringComparison.Ordinal);
        Assert.Contains("class=\"govuk-date-input\" id=\"from-date\"", page, StringComparison.Ordinal);
        Assert.Contains("<title>Error: Audit log", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_names_people_and_councils_and_an_erased_person_reads_as_a_former_contributor()
    {
        var round = await _scenario.OpenRoundAsync("audit names " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round, name: "Robin Quill");
        using var respondent = factory.CreateFormClient();
        await respondent.GetAsync($"/respond/start/{invitation.Token}");
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);
        var filter = $"/admin/audit?action=respondent.signed-in&target=invitation:{invitation.Invitation.Id}";

        var before = await admin.GetPageAsync(filter);
        await _scenario.WithAsync(sp => sp.GetRequiredService<ReadinessSurvey.Privacy.PersonalData>().EraseAsync(invitation.Invitation.Email, "test"));
        var after = await admin.GetPageAsync(filter);

        Assert.Contains("Robin Quill at Adur", before, StringComparison.Ordinal);
        Assert.Contains("the invitation of Robin Quill at Adur", before, StringComparison.Ordinal);
        Assert.Contains($"invitation:{invitation.Invitation.Id}</span>", before, StringComparison.Ordinal);
        Assert.Contains("a former contributor at Adur", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Robin Quill", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysts_cannot_read_the_log_or_see_it_in_the_menu()
    {
        using var analyst = await factory.SignInAsAsync(PolicyRoles.Analyst);

        var response = await analyst.GetAsync("/admin/audit");
        var home = await analyst.GetPageAsync("/admin");

        Workspace.AssertRefused(response);
        Assert.DoesNotContain("href=\"/admin/audit\"", home, StringComparison.Ordinal);
    }

    private async Task RecordAsync(params (string Actor, string Action, string Target)[] events)
    {
        factory.EnsureStarted();
        foreach (var (actor, action, target) in events)
        {
            // One save each, so every event has its own moment and id, as in real use.
            await _scenario.WithAsync(async sp =>
            {
                sp.GetRequiredService<AuditLog>().Record(actor, action, target);
                return await sp.GetRequiredService<ReadinessDbContext>().SaveChangesAsync();
            });
        }
    }

    private static List<string> Targets(string page, string tag) =>
        TargetCell().Matches(page).Select(m => m.Groups[1].Value).Where(t => t.Contains(tag, StringComparison.Ordinal)).ToList();

    [GeneratedRegex("<td class=\"govuk-table__cell\">((?:thing|item):[^<]+)</td>")]
    private static partial Regex TargetCell();
}
