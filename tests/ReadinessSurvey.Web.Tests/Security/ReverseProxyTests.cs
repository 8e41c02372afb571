using System.Net;

namespace ReadinessSurvey.Tests.Web.Security;

/// <summary>Behind a reverse proxy, over real HTTP: forwarded headers from configured proxies only, and https enforced when the public address is https.</summary>
public sealed class ReverseProxyTests
{
    [Fact]
    public async Task Behind_a_proxy_on_this_machine_each_client_has_its_own_sign_in_rate_limit()
    {
        using var factory = Limited();
        var address = factory.StartOnLoopback();
        using var first = LoopbackApp.Client(address, "203.0.113.1");
        using var second = LoopbackApp.Client(address, "203.0.113.2");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await first.GetAsync("/account/sign-in")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/account/sign-in")).StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_not_configured_as_a_proxy_are_ignored()
    {
        using var factory = Limited();
        factory.Settings["ReverseProxy:KnownProxies:0"] = "10.9.8.7";
        var address = factory.StartOnLoopback();
        using var first = LoopbackApp.Client(address, "203.0.113.1");
        using var second = LoopbackApp.Client(address, "203.0.113.2");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/account/sign-in")).StatusCode);
        }

        // Both claim their own address, but the request did not come from a known proxy: one bucket.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await second.GetAsync("/account/sign-in")).StatusCode);
    }

    [Fact]
    public async Task With_an_https_address_cookies_are_Secure_with_the_Host_prefix_HSTS_is_sent_and_http_is_redirected()
    {
        using var factory = new ReadinessWebFactory();
        factory.Settings["Site:BaseUrl"] = "https://survey.example/";
        var address = factory.StartOnLoopback();
        var round = await new Scenario(factory).OpenRoundAsync("https " + Guid.NewGuid());
        var invitation = await new Scenario(factory).InviteAsync(round);
        using var viaProxy = LoopbackApp.Client(address, "203.0.113.5", "https", "survey.example");
        using var plain = LoopbackApp.Client(address, host: "survey.example");

        var signInPage = await viaProxy.GetAsync("/account/sign-in");
        var start = await viaProxy.GetAsync($"/respond/start/{invitation.Token}");
        var redirected = await plain.GetAsync("/account/sign-in?returnUrl=%2Fadmin");
        var health = await plain.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        Assert.StartsWith("max-age=31536000", signInPage.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        AssertHostCookie(signInPage, "readiness-antiforgery");
        AssertHostCookie(start, "readiness-respondent");
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirected.StatusCode);
        Assert.Equal("https://survey.example/account/sign-in?returnUrl=%2Fadmin", redirected.Headers.Location?.OriginalString);
        Assert.False(redirected.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static void AssertHostCookie(HttpResponseMessage response, string name)
    {
        // The last one: signing in first clears any earlier cookie of the same name.
        var cookie = response.Headers.GetValues("Set-Cookie").LastOrDefault(c => c.Contains(name + "=", StringComparison.Ordinal));
        Assert.NotNull(cookie);
        Assert.StartsWith("__Host-" + name + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static ReadinessWebFactory Limited()
    {
        var factory = new ReadinessWebFactory();
        factory.Settings["SignInRateLimit:PermitLimit"] = "3";
        factory.Settings["SignInRateLimit:WindowSeconds"] = "600";
        return factory;
    }
}
