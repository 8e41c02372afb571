using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.Web.Respond;

public sealed class InvitationSignInTests : IClassFixture<ReadinessWebFactory>
{
    private readonly ReadinessWebFactory _factory;
    private readonly Scenario _scenario;

    public InvitationSignInTests(ReadinessWebFactory factory)
    {
        _factory = factory;
        _scenario = new Scenario(factory);
    }

    [Fact]
    public async Task Link_exchanges_the_token_for_a_cookie_and_redirects_so_the_token_leaves_the_address_bar()
    {
        var round = await _scenario.OpenRoundAsync("sign-in " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round);
        using var client = _factory.CreateFormClient();

        var response = await client.GetAsync($"/respond/start/{invitation.Token}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/respond", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("readiness-respondent=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var page = await client.GetPageAsync("/respond");
        Assert.Contains("Adur District Council", page, StringComparison.Ordinal);
        Assert.DoesNotContain(invitation.Token, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_expired_revoked_reissued_and_closed_round_tokens_all_get_the_same_answer()
    {
        var round = await _scenario.OpenRoundAsync("bad tokens " + Guid.NewGuid());
        var revoked = await _scenario.InviteAsync(round, name: "Revoked Person");
        var reissued = await _scenario.InviteAsync(round, name: "Reissued Person");
        var closedRound = await _scenario.OpenRoundAsync("closed " + Guid.NewGuid());
        var closed = await _scenario.InviteAsync(closedRound, name: "Closed Round");
        await _scenario.WithAsync(async sp =>
        {
            await sp.GetRequiredService<InvitationService>().RevokeAsync(revoked.Invitation.Id, "test");
            await sp.GetRequiredService<InvitationService>().ReissueAsync(reissued.Invitation.Id, "test");
            return await sp.GetRequiredService<RoundService>().CloseAsync(closedRound, "test");
        });

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var token in new[] { "nonsense", InvitationTokens.NewToken(), revoked.Token, reissued.Token, closed.Token })
        {
            using var client = _factory.CreateFormClient();
            var response = await client.GetAsync($"/respond/start/{token}");
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
            Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("readiness-respondent=", StringComparison.Ordinal)));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Item1));
        Assert.Single(answers.Select(a => a.Item2).Distinct());
        Assert.Contains("This link does not work", answers[0].Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_an_invitation_ends_the_session_at_once()
    {
        var round = await _scenario.OpenRoundAsync("revoke mid-session " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round);
        using var client = _factory.CreateFormClient();
        await client.GetAsync($"/respond/start/{invitation.Token}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/respond")).StatusCode);

        await _scenario.WithAsync(sp => sp.GetRequiredService<InvitationService>().RevokeAsync(invitation.Invitation.Id, "test"));
        var response = await client.GetAsync("/respond");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/respond/signed-out", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reissuing_an_invitation_ends_the_session_opened_with_the_old_link()
    {
        var round = await _scenario.OpenRoundAsync("reissue mid-session " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round);
        using var client = _factory.CreateFormClient();
        await client.GetAsync($"/respond/start/{invitation.Token}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/respond")).StatusCode);

        var reissued = await _scenario.WithAsync(sp => sp.GetRequiredService<InvitationService>().ReissueAsync(invitation.Invitation.Id, "test"));
        var response = await client.GetAsync("/respond");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/respond/signed-out", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // The new link opens a session that works.
        using var again = _factory.CreateFormClient();
        await again.GetAsync($"/respond/start/{reissued.Token}");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/respond")).StatusCode);
    }

    [Fact]
    public async Task A_contributors_first_sign_in_is_audited_under_their_real_id()
    {
        var round = await _scenario.OpenRoundAsync("first sign-in audit " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round);
        using var client = _factory.CreateFormClient();

        await client.GetAsync($"/respond/start/{invitation.Token}");

        var (contributor, actors) = await _scenario.WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReadinessSurvey.Data.ReadinessDbContext>();
            var id = await db.Contributors.Where(c => c.InvitationId == invitation.Invitation.Id).Select(c => c.Id).SingleAsync();
            var target = $"invitation:{invitation.Invitation.Id}";
            return (id, await db.AuditEvents.Where(e => e.Action == "respondent.signed-in" && e.Target == target).Select(e => e.Actor).ToListAsync());
        });
        Assert.NotEqual(0, contributor);
        Assert.Equal([$"contributor:{contributor}"], actors);
    }
}

public sealed class SignInRateLimitTests : IDisposable
{
    private readonly ReadinessWebFactory _factory = new();

    public SignInRateLimitTests()
    {
        _factory.Settings["SignInRateLimit:InvitationPermitLimit"] = "3";
        _factory.Settings["SignInRateLimit:WindowSeconds"] = "600";
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_get_429_not_503()
    {
        using var client = _factory.CreateFormClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync($"/respond/start/{InvitationTokens.NewToken()}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task The_429_page_is_a_titled_page_with_a_time_to_try_again_and_staff_sign_in_has_its_own_limit()
    {
        using var client = _factory.CreateFormClient();
        HttpResponseMessage response = null!;
        for (var i = 0; i < 4; i++)
        {
            response = await client.GetAsync($"/respond/start/{InvitationTokens.NewToken()}");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(600), response.Headers.RetryAfter?.Delta);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Too many attempts to sign in - AI readiness survey</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Too many attempts to sign in</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Wait 10 minutes and try again.", html, StringComparison.Ordinal);

        // The policy team's sign-in counts separately.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
