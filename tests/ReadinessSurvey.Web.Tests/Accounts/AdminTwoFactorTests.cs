using System.Net;
using ReadinessSurvey.Tests.Web.Admin;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Web.Accounts;

/// <summary>An admin changes nothing until their account has two-factor sign-in (issue 16 item 5).</summary>
[Trait("Category", "Database")]
public sealed class AdminTwoFactorTests : IDisposable
{
    private readonly ReadinessWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_admin_with_a_password_only_is_sent_to_set_up_two_factor_and_the_change_is_not_made()
    {
        var round = await new Scenario(_factory).OpenRoundAsync("two-factor " + Guid.NewGuid());
        var (email, password) = await _factory.AddUserAsync(PolicyRoles.Admin);
        using var admin = _factory.CreateFormClient();
        await admin.SignInAsync(email, password);

        var home = await admin.GetPageAsync("/admin");
        var close = await admin.PostAsync($"/admin/rounds/{round}/close", []);
        var token = await admin.PostAsync("/account/api-tokens", [new("name", "laptop")]);

        Assert.Contains("You need two-factor sign-in before you can make changes", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        Assert.Equal("/account/authenticator?required=1", close.Headers.Location?.OriginalString);
        Assert.Equal("/account/authenticator?required=1", token.Headers.Location?.OriginalString);
        Assert.Equal(RoundStatus.Open, (await new Scenario(_factory).RoundAsync(round)).Status);
        var setUp = await admin.GetPageAsync("/account/authenticator?required=1");
        Assert.Contains("As an admin you need two-factor sign-in before you can make any change", setUp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_admin_sets_up_an_authenticator_app_the_same_session_may_make_changes()
    {
        var round = await new Scenario(_factory).OpenRoundAsync("two-factor " + Guid.NewGuid());
        var (email, password) = await _factory.AddUserAsync(PolicyRoles.Admin);
        using var admin = _factory.CreateFormClient();
        await admin.SignInAsync(email, password);

        // Setting up is itself a post: it must be let through.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/account/authenticator?handler=Start", [])).StatusCode);
        var key = SignInTests.KeyOf(await admin.GetPageAsync("/account/authenticator"));
        var on = await admin.PostAsync("/account/authenticator", [new("code", SignInTests.CodeFor(key))]);
        Assert.Contains("Two-factor sign-in is on", await on.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var close = await admin.PostAsync($"/admin/rounds/{round}/close", []);

        Assert.Equal($"/admin/rounds/{round}", close.Headers.Location?.OriginalString);
        Assert.Equal(RoundStatus.Closed, (await new Scenario(_factory).RoundAsync(round)).Status);
        Assert.DoesNotContain("You need two-factor sign-in", await admin.GetPageAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_without_two_factor_may_still_sign_out_and_change_their_password()
    {
        var (email, password) = await _factory.AddUserAsync(PolicyRoles.Admin);
        using var admin = _factory.CreateFormClient();
        await admin.SignInAsync(email, password);
        var newPassword = "Another-long-password-" + Guid.NewGuid().ToString("N")[..6];

        var changed = await admin.PostAsync("/account/password", [new("current", password), new("next", newPassword)]);
        var signedOut = await admin.PostAsync("/account/sign-out", []);

        Assert.Equal("/account", changed.Headers.Location?.OriginalString);
        Assert.Equal("/account/signed-out", signedOut.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_analyst_without_two_factor_is_not_sent_to_set_it_up()
    {
        using var analyst = await _factory.SignInAsAsync(PolicyRoles.Analyst);

        var token = await analyst.PostAsync("/account/api-tokens", [new("name", "laptop")]);

        Assert.NotEqual("/account/authenticator?required=1", token.Headers.Location?.OriginalString);
        Assert.DoesNotContain("You need two-factor sign-in", await analyst.GetPageAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_job_dashboard_is_read_only_for_an_admin_without_two_factor()
    {
        var (email, password) = await _factory.AddUserAsync(PolicyRoles.Admin);
        using var without = _factory.CreateFormClient();
        await without.SignInAsync(email, password);
        using var with = await _factory.SignInAsAsync(PolicyRoles.Admin);

        var readOnly = await without.GetPageAsync("/hangfire/recurring");
        var full = await with.GetPageAsync("/hangfire/recurring");

        Assert.DoesNotContain("js-jobs-list-command", readOnly, StringComparison.Ordinal);
        Assert.Contains("js-jobs-list-command", full, StringComparison.Ordinal);
    }
}
