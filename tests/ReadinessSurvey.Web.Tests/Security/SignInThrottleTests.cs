using System.Net;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Web.Security;

namespace ReadinessSurvey.Tests.Web.Security;

/// <summary>
/// Password guessing over real HTTP, each client behind the same reverse proxy with its own address:
/// known and unknown emails answer alike, and no one can keep a real person out.
/// </summary>
public sealed class SignInThrottleTests : IDisposable
{
    private readonly ReadinessWebFactory _factory = new();
    private readonly Uri _address;

    public SignInThrottleTests() => _address = _factory.StartOnLoopback();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Known_and_unknown_emails_get_the_same_answers_to_repeated_failures()
    {
        var (email, _) = await _factory.AddUserAsync(PolicyRoles.Admin);
        var nobody = $"nobody-{Guid.NewGuid():N}@lga.example";
        using var known = LoopbackApp.Client(_address, "203.0.113.10");
        using var unknown = LoopbackApp.Client(_address, "203.0.113.11");

        var answers = new List<(string Known, string Unknown)>();
        for (var i = 0; i < AccountRules.MaxFailedAttempts + 2; i++)
        {
            answers.Add((await DescribeAsync(await known.SignInAsync(email, "Wrong-password-" + i)),
                await DescribeAsync(await unknown.SignInAsync(nobody, "Wrong-password-" + i))));
        }

        Assert.All(answers, a => Assert.Equal(a.Known, a.Unknown));
        Assert.Equal("302 /account/locked", answers[AccountRules.MaxFailedAttempts - 1].Known);
        Assert.Equal("302 /account/locked", answers[^1].Unknown);
        Assert.StartsWith("200", answers[0].Known, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attacker_who_fails_again_and_again_does_not_keep_the_real_person_out()
    {
        var (email, password) = await _factory.AddUserAsync(PolicyRoles.Admin);
        using var attacker = LoopbackApp.Client(_address, "203.0.113.20");
        for (var i = 0; i < 3 * AccountRules.MaxFailedAttempts; i++)
        {
            await attacker.SignInAsync(email, "Wrong-password-" + i);
        }

        // The attacker is held, even with the right password...
        Assert.Equal("302 /account/locked", await DescribeAsync(await attacker.SignInAsync(email, password)));

        // ...the person, from their own connection, is not.
        using var person = LoopbackApp.Client(_address, "198.51.100.7");
        Assert.Equal("302 /admin", await DescribeAsync(await person.SignInAsync(email, password)));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Guessing_spread_over_many_addresses_is_held_but_the_persons_own_browser_still_gets_in()
    {
        var (email, password) = await _factory.AddUserAsync(PolicyRoles.Admin);
        using var person = LoopbackApp.Client(_address, "198.51.100.8");
        Assert.Equal("302 /admin", await DescribeAsync(await person.SignInAsync(email, password)));
        await person.PostAsync("/account/sign-out", []);

        for (var i = 0; i < SignInThrottle.AccountFailures; i++)
        {
            using var bot = LoopbackApp.Client(_address, $"203.0.113.{100 + i}");
            await bot.SignInAsync(email, "Wrong-password-" + i);
        }

        using var stranger = LoopbackApp.Client(_address, "203.0.113.250");
        Assert.Equal("302 /account/locked", await DescribeAsync(await stranger.SignInAsync(email, password)));
        Assert.Equal("302 /admin", await DescribeAsync(await person.SignInAsync(email, password)));
    }

    /// <summary>What a guesser can see: the status, where it redirects, and the page's error without its per-request token.</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var error = body.Contains("Enter a correct email address and password", StringComparison.Ordinal) ? " wrong" : "";
        return $"{(int)response.StatusCode} {response.Headers.Location?.OriginalString}{error}".Trim();
    }
}
