using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ReadinessSurvey.Tests.Web.Respond;

public sealed class RespondentAccessTests : IClassFixture<ReadinessWebFactory>
{
    private readonly ReadinessWebFactory _factory;
    private readonly Scenario _scenario;

    public RespondentAccessTests(ReadinessWebFactory factory)
    {
        _factory = factory;
        _scenario = new Scenario(factory);
    }

    [Theory]
    [InlineData("/respond")]
    [InlineData("/respond/section/b")]
    [InlineData("/respond/check")]
    [InlineData("/respond/confirmation")]
    [InlineData("/respond/answers")]
    public async Task Respondent_pages_refuse_anonymous_visitors(string path)
    {
        _factory.EnsureStarted();
        using var client = _factory.CreateFormClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/respond/signed-out", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_refused()
    {
        var round = await _scenario.OpenRoundAsync("antiforgery " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round);
        using var client = _factory.CreateFormClient();
        await client.GetAsync($"/respond/start/{invitation.Token}");

        var response = await client.PostAsync("/respond/section/a", [new("v-A2", "0"), new("q-A2", "digital_lead")], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_contributor_cannot_touch_another_councils_return_by_naming_its_ids()
    {
        var round = await _scenario.OpenRoundAsync("two councils " + Guid.NewGuid());
        var adur = await _scenario.InviteAsync(round, "E07000223", "Alex Smith");
        var westSussex = await _scenario.InviteAsync(round, "E10000032", "Wes Sussex");
        using var other = _factory.CreateFormClient();
        await other.GetAsync($"/respond/start/{westSussex.Token}");
        using var client = _factory.CreateFormClient();
        await client.GetAsync($"/respond/start/{adur.Token}");
        var otherReturnId = await _scenario.WithAsync(sp => sp.GetRequiredService<ReadinessSurvey.Data.ReadinessDbContext>()
            .Returns.Where(r => r.Council!.Code == "E10000032" && r.RoundId == round).Select(r => r.Id).SingleAsync());

        var response = await client.PostAsync("/respond/section/a",
            [new("v-A3", "0"), new("q-A3", "250"), new("returnId", otherReturnId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var withQuery = await client.PostAsync($"/respond/section/a?returnId={otherReturnId}", [new("v-A3", "0"), new("q-A3", "250")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not part of this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var answers = await _scenario.WithAsync(sp => sp.GetRequiredService<ReadinessSurvey.Data.ReadinessDbContext>()
            .Answers.Where(a => a.ReturnId == otherReturnId).CountAsync());
        Assert.Equal(0, answers);

        // The address is ignored too: the return always comes from the signed-in contributor.
        Assert.Equal(HttpStatusCode.Redirect, withQuery.StatusCode);
        var saved = await _scenario.WithAsync(sp => sp.GetRequiredService<ReadinessSurvey.Data.ReadinessDbContext>()
            .Answers.Where(a => a.QuestionId == "A3" && a.Return!.RoundId == round).Select(a => a.Return!.Council!.Code).ToListAsync());
        Assert.Equal(["E07000223"], saved);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        _factory.EnsureStarted();
        using var client = _factory.CreateFormClient();

        var response = await client.GetAsync("/");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
