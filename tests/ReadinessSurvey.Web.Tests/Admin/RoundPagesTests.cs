using System.Net;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Web.Admin;

public sealed class RoundPagesTests(ReadinessWebFactory factory) : IClassFixture<ReadinessWebFactory>
{
    private readonly Scenario _scenario = new(factory);

    [Fact]
    public async Task An_admin_creates_a_round_on_a_stored_definition_version()
    {
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);
        var definition = await _scenario.DbAsync(db => db.SurveyDefinitions.FirstAsync(d => d.SurveyId == Scenario.SurveyId));
        var name = "Created " + Guid.NewGuid().ToString("N")[..8];
        var year = DateTime.UtcNow.Year + 1;

        var form = await admin.GetPageAsync("/admin/rounds/new");
        var response = await admin.PostAsync("/admin/rounds/new", RoundForm(name, S(definition.Id), "31", "7", S(year)));

        Assert.Contains($"version {definition.Version}", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var round = await _scenario.DbAsync(db => db.Rounds.SingleAsync(r => r.Name == name));
        Assert.Equal($"/admin/rounds/{round.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(RoundStatus.Open, round.Status);
        Assert.Equal(definition.Id, round.DefinitionVersionId);
        Assert.Equal(UkTime.EndOfDay(new DateOnly(year, 7, 31)), round.ClosesAt);
        var details = await admin.GetPageAsync($"/admin/rounds/{round.Id}");
        Assert.Contains(name, details, StringComparison.Ordinal);
        Assert.Contains("Close the round", details, StringComparison.Ordinal);
        Assert.Contains(name, await admin.GetPageAsync("/admin/rounds"), StringComparison.Ordinal);
        Assert.Equal(1, await _scenario.AuditCountAsync("round.opened", $"round:{round.Id}"));
    }

    [Fact]
    public async Task The_form_explains_each_problem_and_creates_nothing()
    {
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);
        var before = await _scenario.DbAsync(db => db.Rounds.CountAsync());

        var empty = await (await admin.PostAsync("/admin/rounds/new", RoundForm("", "", "", "", ""))).Content.ReadAsStringAsync();
        var notADate = await (await admin.PostAsync("/admin/rounds/new", RoundForm("X", "1", "31", "2", "2030"))).Content.ReadAsStringAsync();
        var past = await (await admin.PostAsync("/admin/rounds/new", RoundForm("Past " + Guid.NewGuid(), "1", "1", "1", "2020"))).Content.ReadAsStringAsync();

        Assert.Contains("Select the survey and version the round uses", empty, StringComparison.Ordinal);
        Assert.Contains("Enter the closing date", empty, StringComparison.Ordinal);
        Assert.Contains("<title>Error: Create a round", empty, StringComparison.Ordinal);
        Assert.Contains("The closing date must be a real date", notADate, StringComparison.Ordinal);
        Assert.Contains("is in the past", past, StringComparison.Ordinal);
        Assert.Equal(before, await _scenario.DbAsync(db => db.Rounds.CountAsync()));
    }

    [Fact]
    public async Task Closing_asks_first_then_ends_every_invitation()
    {
        var round = await _scenario.OpenRoundAsync("close " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round);
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);

        var confirm = await admin.GetPageAsync($"/admin/rounds/{round}/close");
        Assert.Contains("Closing the round ends every invitation", confirm, StringComparison.Ordinal);
        Assert.Contains("1 invitations will stop working", confirm, StringComparison.Ordinal);
        Assert.Equal(RoundStatus.Open, (await _scenario.RoundAsync(round)).Status);

        var response = await admin.PostAsync($"/admin/rounds/{round}/close", []);

        Assert.Equal($"/admin/rounds/{round}", response.Headers.Location?.OriginalString);
        Assert.Equal(RoundStatus.Closed, (await _scenario.RoundAsync(round)).Status);
        Assert.False(await Workspace.LinkWorksAsync(factory, invitation.Token));
        Assert.Contains("Every invitation has stopped working", await admin.GetPageAsync($"/admin/rounds/{round}"), StringComparison.Ordinal);
        Assert.Equal(1, await _scenario.AuditCountAsync("round.closed", $"round:{round}"));
    }

    [Fact]
    public async Task A_return_page_shows_contributors_and_history_and_a_submitted_return_can_be_reopened_with_a_reason()
    {
        var round = await _scenario.OpenRoundAsync("reopen " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round, "E07000223", "Alex Smith");
        var returnId = await _scenario.SubmitAsync(invitation);
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);

        var page = await admin.GetPageAsync($"/admin/rounds/{round}/returns/E07000223");
        Assert.Contains("Alex Smith", page, StringComparison.Ordinal);
        Assert.Contains(">Submitted</td>", page, StringComparison.Ordinal);
        Assert.Contains("Reopen this return", page, StringComparison.Ordinal);
        Assert.Contains($"/admin/rounds/{round}/returns/E07000223/reopen", await admin.GetPageAsync($"/admin/rounds/{round}"), StringComparison.Ordinal);

        var noReason = await admin.PostAsync($"/admin/rounds/{round}/returns/E07000223/reopen", [new("Reason", "  ")]);
        Assert.Contains("Enter the reason for reopening the return", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReturnStatus.Submitted, await _scenario.DbAsync(db => db.Returns.Where(r => r.Id == returnId).Select(r => r.Status).SingleAsync()));

        var reopened = await admin.PostAsync($"/admin/rounds/{round}/returns/e07000223/reopen", [new("Reason", "The council asked to correct its staff numbers")]);

        Assert.Equal($"/admin/rounds/{round}/returns/E07000223", reopened.Headers.Location?.OriginalString);
        Assert.Equal(ReturnStatus.InProgress, await _scenario.DbAsync(db => db.Returns.Where(r => r.Id == returnId).Select(r => r.Status).SingleAsync()));
        var after = await admin.GetPageAsync($"/admin/rounds/{round}/returns/E07000223");
        Assert.Contains("The council asked to correct its staff numbers", after, StringComparison.Ordinal);
        Assert.Contains(">Reopened</td>", after, StringComparison.Ordinal);
        Assert.Contains(">In progress</dd>", after, StringComparison.Ordinal);
        Assert.Equal(1, await _scenario.AuditCountAsync("return.reopened", $"return:{returnId}"));

        // Reopening twice is refused with the service's reason, not an error page.
        var again = await admin.PostAsync($"/admin/rounds/{round}/returns/E07000223/reopen", [new("Reason", "again")]);
        Assert.Contains("has not been submitted", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_rounds_and_returns_are_not_found()
    {
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);
        var round = await _scenario.OpenRoundAsync("empty " + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/rounds/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/rounds/999999/close")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/rounds/{round}/returns/E07000223")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/rounds/{round}/returns/NOPE/reopen")).StatusCode);
    }

    [Fact]
    public async Task An_analyst_sees_rounds_without_change_buttons_and_their_forged_posts_change_nothing()
    {
        var round = await _scenario.OpenRoundAsync("analyst " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round);
        await _scenario.SubmitAsync(invitation);
        using var analyst = await factory.SignInAsAsync(PolicyRoles.Analyst);
        var definition = await _scenario.DbAsync(db => db.SurveyDefinitions.Select(d => d.Id).FirstAsync());
        var name = "Forged " + Guid.NewGuid();

        var list = await analyst.GetPageAsync("/admin/rounds");
        var details = await analyst.GetPageAsync($"/admin/rounds/{round}");
        var create = await analyst.PostAsync("/admin/rounds/new", RoundForm(name, S(definition), "1", "1", S(DateTime.UtcNow.Year + 1)));
        var close = await analyst.PostAsync($"/admin/rounds/{round}/close", []);
        var reopen = await analyst.PostAsync($"/admin/rounds/{round}/returns/E07000223/reopen", [new("Reason", "forged")]);

        Assert.DoesNotContain("Create a round", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Close the round", details, StringComparison.Ordinal);
        Assert.DoesNotContain("/reopen", details, StringComparison.Ordinal);
        Workspace.AssertRefused(create);
        Workspace.AssertRefused(close);
        Workspace.AssertRefused(reopen);
        Assert.False(await _scenario.DbAsync(db => db.Rounds.AnyAsync(r => r.Name == name)));
        Assert.Equal(RoundStatus.Open, (await _scenario.RoundAsync(round)).Status);
        Assert.Equal(ReturnStatus.Submitted, await _scenario.DbAsync(db => db.Returns.Where(r => r.RoundId == round).Select(r => r.Status).SingleAsync()));
    }

    private static string S(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string>[] RoundForm(string name, string definition, string day, string month, string year) =>
    [
        new("Name", name), new("Definition", definition), new("Closes.Day", day), new("Closes.Month", month), new("Closes.Year", year),
    ];
}
