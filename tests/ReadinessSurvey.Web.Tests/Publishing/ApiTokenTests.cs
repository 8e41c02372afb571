using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Tests.Web.Publishing;

[Collection(SharedPublishedRound.Name)]
public sealed partial class ApiTokenTests(PublishingFixture fixture)
{
    [Fact]
    public async Task A_token_is_shown_once_stored_as_a_hash_and_works_until_it_is_revoked()
    {
        var (email, password) = await fixture.Factory.AddUserAsync(PolicyRoles.Analyst);
        using var analyst = fixture.Factory.CreateFormClient();
        await analyst.SignInAsync(email, password);

        var made = await analyst.PostAsync("/account/api-tokens", [new("Name", "R notebook"), new("Days", "30")]);
        var page = await made.Content.ReadAsStringAsync();
        var secret = NewToken().Match(page).Groups[1].Value;
        using var tool = BearerClient(secret);
        var before = await tool.GetAsync(new Uri("/api/v1/rounds", UriKind.Relative));
        var list = await analyst.GetPageAsync("/account/api-tokens");
        var stored = await fixture.Data.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().ApiTokens.AsNoTracking().SingleAsync(t => t.Name == "R notebook"));
        var confirm = await analyst.GetPageAsync($"/account/api-tokens/{stored.Id}/revoke");
        var revoked = await analyst.PostAsync($"/account/api-tokens/{stored.Id}/revoke", []);
        var after = await tool.GetAsync(new Uri("/api/v1/rounds", UriKind.Relative));
        var listAfter = await analyst.GetPageAsync("/account/api-tokens");

        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.True(made.Headers.CacheControl?.NoStore);
        Assert.Matches("^rs_[A-Za-z0-9_-]{43}$", secret);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Contains($"…{secret[^4..]}", list, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored.TokenHash);
        Assert.DoesNotContain(secret, string.Join("|", stored.Name, stored.TokenHash, stored.Hint, stored.UserId), StringComparison.Ordinal);
        Assert.Equal(stored.CreatedAt.AddDays(30), stored.ExpiresAt);
        Assert.NotNull((await fixture.Data.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().ApiTokens.AsNoTracking().SingleAsync(t => t.Id == stored.Id))).LastUsedAt);
        Assert.Contains("Are you sure you want to revoke the token", confirm, StringComparison.Ordinal);
        Assert.Equal("/account/api-tokens", revoked.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("The token &quot;R notebook&quot; is revoked.", listAfter, StringComparison.Ordinal);
        Assert.Contains("Revoked ", listAfter, StringComparison.Ordinal);
        var audit = await fixture.Data.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.Actor == email).Select(a => a.Action).ToListAsync());
        Assert.Contains("api-token.created", audit);
        Assert.Contains("api-token.revoked", audit);
    }

    [Fact]
    public async Task Unknown_malformed_and_expired_tokens_get_401()
    {
        using var admin = await fixture.Factory.SignInAsAsync(PolicyRoles.Admin);
        var secret = await MakeTokenAsync(admin, "Expiring");
        await fixture.Data.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().ApiTokens.Where(t => t.Name == "Expiring")
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        foreach (var token in new[] { secret, "rs_" + new string('A', 43), "nonsense", "" })
        {
            using var client = BearerClient(token);
            var response = await client.GetAsync(new Uri("/api/v1/rounds", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"'{token}' gave {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_token_opens_the_api_only_not_the_workspace()
    {
        using var admin = await fixture.Factory.SignInAsAsync(PolicyRoles.Admin);
        using var tool = BearerClient(await MakeTokenAsync(admin, "Admin script"));

        var api = await tool.GetAsync(new Uri($"/api/v1/rounds/{fixture.RoundId}/maturity", UriKind.Relative));
        var workspace = await tool.GetAsync(new Uri("/admin/reports", UriKind.Relative));
        var hangfire = await tool.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, workspace.StatusCode);
        Assert.Contains("/account/sign-in", workspace.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, hangfire.StatusCode);
    }

    [Fact]
    public async Task A_locked_out_owners_token_stops_working()
    {
        var (email, password) = await fixture.Factory.AddUserAsync(PolicyRoles.Analyst);
        using var analyst = fixture.Factory.CreateFormClient();
        await analyst.SignInAsync(email, password);
        using var tool = BearerClient(await MakeTokenAsync(analyst, "Lockable"));
        Assert.Equal(HttpStatusCode.OK, (await tool.GetAsync(new Uri("/api/v1/rounds", UriKind.Relative))).StatusCode);

        await fixture.Data.WithAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PolicyUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddHours(1));
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await tool.GetAsync(new Uri("/api/v1/rounds", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Nobody_revokes_or_sees_someone_elses_token()
    {
        using var owner = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);
        using var other = await fixture.Factory.SignInAsAsync(PolicyRoles.Admin);
        var secret = await MakeTokenAsync(owner, "Private");
        var id = await fixture.Data.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().ApiTokens.Where(t => t.Name == "Private").Select(t => t.Id).SingleAsync());
        var token = FormClient.TokenOf(await other.GetPageAsync("/account/api-tokens"));

        var page = await other.GetAsync($"/account/api-tokens/{id}/revoke");
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var post = await other.Http.PostAsync(new Uri($"/account/api-tokens/{id}/revoke", UriKind.Relative), form);
        using var tool = BearerClient(secret);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("Private", await other.GetPageAsync("/account/api-tokens"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await tool.GetAsync(new Uri("/api/v1/rounds", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_token_needs_a_name_and_one_of_the_offered_lifetimes()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        var noName = await (await analyst.PostAsync("/account/api-tokens", [new("Name", "  "), new("Days", "30")])).Content.ReadAsStringAsync();
        var badDays = await (await analyst.PostAsync("/account/api-tokens", [new("Name", "Forever"), new("Days", "100000")])).Content.ReadAsStringAsync();

        Assert.Contains("<a href=\"#name\">Enter a name for the token", noName, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#days\">Choose how long the token lasts: 30, 90, 365 days.</a>", badDays, StringComparison.Ordinal);
        Assert.DoesNotMatch(NewToken(), noName + badDays);
    }

    private static async Task<string> MakeTokenAsync(FormClient client, string name)
    {
        var page = await (await client.PostAsync("/account/api-tokens", [new("Name", name), new("Days", "90")])).Content.ReadAsStringAsync();
        return NewToken().Match(page).Groups[1].Value is { Length: > 0 } secret ? secret : throw new InvalidOperationException("No token on the page.");
    }

    private HttpClient BearerClient(string token)
    {
        var client = fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex("id=\"new-token\">([^<]+)</code>")]
    private static partial Regex NewToken();
}
