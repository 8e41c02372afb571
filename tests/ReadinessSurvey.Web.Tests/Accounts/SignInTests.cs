using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Tests.Web.Accounts;

/// <summary>
/// One web app for the class: every test adds users of its own (a new email each) and counts only their
/// audit events, so the tests do not see each other.
/// </summary>
[Trait("Category", "Database")]
public sealed class SignInTests(ReadinessWebFactory factory) : IClassFixture<ReadinessWebFactory>
{
    [Fact]
    public async Task An_admin_signs_in_with_a_password_and_reaches_the_workspace()
    {
        var (email, password) = await factory.AddUserAsync(PolicyRoles.Admin);
        using var client = factory.CreateFormClient();

        var response = await client.SignInAsync(email, password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var page = await client.GetPageAsync("/admin");
        Assert.Contains("Policy team workspace", page, StringComparison.Ordinal);
        Assert.Contains($"Signed in as {email} (admin)", page, StringComparison.Ordinal);
        Assert.Equal(1, await CountAuditAsync("account.signed-in", email));
    }

    [Fact]
    public async Task A_wrong_password_gets_an_error_that_does_not_say_whether_the_account_exists()
    {
        var (email, _) = await factory.AddUserAsync(PolicyRoles.Analyst);
        using var client = factory.CreateFormClient();

        var wrong = await client.SignInAsync(email, "Not-the-password-1");
        var unknown = await client.SignInAsync("nobody@lga.example", "Not-the-password-1");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Enter a correct email address and password", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter a correct email address and password", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var (email, password) = await factory.AddUserAsync(PolicyRoles.Admin);
        using var client = factory.CreateFormClient();
        for (var i = 0; i < AccountRules.MaxFailedAttempts - 1; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(email, "Wrong-password-" + i)).StatusCode);
        }

        var fifth = await client.SignInAsync(email, "Wrong-password-last");
        var right = await client.SignInAsync(email, password);

        Assert.Equal("/account/locked", fifth.Headers.Location?.OriginalString);
        Assert.Equal("/account/locked", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
        Assert.True(await CountAuditAsync("account.locked-out", email) >= 1);
    }

    [Fact]
    public async Task A_user_sets_up_an_authenticator_app_then_needs_its_code_to_sign_in()
    {
        var (email, password) = await factory.AddUserAsync(PolicyRoles.Admin);
        using var first = factory.CreateFormClient();
        await first.SignInAsync(email, password);

        var start = await first.PostAsync("/account/authenticator?handler=Start", []);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var setup = await first.GetPageAsync("/account/authenticator");
        var key = KeyOf(setup);
        Assert.Contains("data:image/png;base64,", setup, StringComparison.Ordinal);
        var wrongCode = await first.PostAsync("/account/authenticator", [new("code", "000000")]);
        Assert.Contains("The code is not right", await wrongCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The wrong attempt showed a page with the same key; enter the app's current code.
        var turnOn = await first.PostAsync("/account/authenticator", [new("code", CodeFor(key))]);
        var shown = await turnOn.Content.ReadAsStringAsync();
        Assert.Contains("Two-factor sign-in is on", shown, StringComparison.Ordinal);
        var recovery = System.Text.RegularExpressions.Regex.Matches(shown, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recovery.Count);

        using var second = factory.CreateFormClient();
        var step1 = await second.SignInAsync(email, password);
        Assert.StartsWith("/account/two-factor", step1.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin")).StatusCode);
        var bad = await second.PostAsync("/account/two-factor", [new("code", "123")]);
        Assert.Contains("Enter the 6-digit code", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var step2 = await second.PostAsync("/account/two-factor", [new("code", CodeFor(key))]);
        Assert.Equal("/admin", step2.Headers.Location?.OriginalString);
        Assert.Contains("Policy team workspace", await second.GetPageAsync("/admin"), StringComparison.Ordinal);

        using var third = factory.CreateFormClient();
        await third.SignInAsync(email, password);
        var withRecovery = await third.PostAsync("/account/recovery-code", [new("code", recovery[0])]);
        Assert.Equal(HttpStatusCode.Redirect, withRecovery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync("/admin")).StatusCode);

        using var fourth = factory.CreateFormClient();
        await fourth.SignInAsync(email, password);
        var reused = await fourth.PostAsync("/account/recovery-code", [new("code", recovery[0])]);
        Assert.Contains("has been used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_needs_a_form_post()
    {
        using var client = await factory.SignInAsAsync(PolicyRoles.Analyst);

        var noToken = await client.PostAsync("/account/sign-out", [], withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        var signOut = await client.PostAsync("/account/sign-out", []);
        Assert.Equal("/account/signed-out", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_sign_out_no_longer_opens_anything()
    {
        var (email, password) = await factory.AddUserAsync(PolicyRoles.Admin);
        using var client = factory.CreateFormClient();
        var signIn = await client.SignInAsync(email, password);
        var stolen = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("readiness-staff=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(stolen, "/admin")).StatusCode);

        await client.PostAsync("/account/sign-out", []);

        // Replayed at once: no wait for the security stamp check, and no "sign out everywhere" needed.
        Assert.Equal(HttpStatusCode.Redirect, (await ReplayAsync(stolen, "/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplayAsync(stolen, "/admin/rounds")).StatusCode);

        // Other sessions of the same person carry on.
        using var other = factory.CreateFormClient();
        await other.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Opening_the_authenticator_page_changes_nothing_and_ends_no_session()
    {
        using var checking = factory.WithSessionChecksOnEveryRequest();
        var (email, password) = await factory.AddUserAsync(PolicyRoles.Admin);
        using var laptop = new FormClient(checking.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        using var phone = new FormClient(checking.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await laptop.SignInAsync(email, password);
        await phone.SignInAsync(email, password);
        var stampBefore = await StampAsync(email);

        var page = await laptop.GetPageAsync("/account/authenticator");
        await laptop.GetPageAsync("/account/authenticator");

        Assert.Equal(stampBefore, await StampAsync(email));
        Assert.Equal("", KeyOf(page));
        Assert.Contains("Show my key", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/admin")).StatusCode);

        // Asking for the key (a form post) keeps the session that asked.
        await laptop.PostAsync("/account/authenticator?handler=Start", []);
        Assert.NotEqual("", KeyOf(await laptop.GetPageAsync("/account/authenticator")));
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_users_other_sessions()
    {
        using var checking = factory.WithSessionChecksOnEveryRequest();
        var (email, password) = await factory.AddUserAsync(PolicyRoles.Admin);
        using var laptop = new FormClient(checking.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        using var phone = new FormClient(checking.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await laptop.SignInAsync(email, password);
        await phone.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/admin")).StatusCode);

        var everywhere = await laptop.PostAsync("/account?handler=SignOutEverywhere", []);

        Assert.Equal("/account/signed-out", everywhere.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_with_the_rule_it_breaks()
    {
        var (email, password) = await factory.AddUserAsync(PolicyRoles.Analyst);
        using var client = factory.CreateFormClient();
        await client.SignInAsync(email, password);

        var weak = await client.PostAsync("/account/password", [new("current", password), new("next", "short")]);
        var body = await weak.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("at least 12 characters", body, StringComparison.Ordinal);
        using var again = factory.CreateFormClient();
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(email, password)).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_page_redirect_never_leaves_the_site()
    {
        var (email, password) = await factory.AddUserAsync(PolicyRoles.Analyst);
        using var client = factory.CreateFormClient();

        var response = await client.PostAsync("/account/sign-in?returnUrl=https://evil.example/", [new("email", email), new("password", password), new("returnUrl", "//evil.example/")]);

        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string path)
    {
        using var attacker = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await attacker.SendAsync(request);
    }

    private async Task<string?> StampAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReadinessDbContext>().Set<PolicyUser>()
            .Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleAsync();
    }

    internal static string KeyOf(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "<code class=\"app-authenticator-key\">([a-z0-9 ]+)</code>").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    internal static string CodeFor(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();

    private async Task<int> CountAuditAsync(string action, string actor)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReadinessDbContext>().AuditEvents.CountAsync(e => e.Action == action && e.Actor == actor);
    }
}
