using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ReadinessSurvey.Tests.Web.Accounts;

public sealed class OpenIdConnectTests : IDisposable
{
    private readonly ReadinessWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Without_configuration_there_is_no_organisation_sign_in()
    {
        using var client = _factory.CreateFormClient();

        var page = await client.GetPageAsync("/account/sign-in");
        var challenge = await client.PostAsync("/account/external", [new("returnUrl", "/admin"), new("__RequestVerificationToken", FormClient.TokenOf(page))], withToken: false);

        Assert.DoesNotContain("Sign in with", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
    }

    [Fact]
    public async Task When_configured_the_sign_in_page_offers_the_provider_and_sends_people_to_it_with_pkce()
    {
        _factory.Settings["Authentication:OpenIdConnect:Authority"] = "https://login.example.org/tenant/v2.0";
        _factory.Settings["Authentication:OpenIdConnect:ClientId"] = "readiness-client";
        _factory.Settings["Authentication:OpenIdConnect:DisplayName"] = "Microsoft Entra ID";

        // The provider's discovery document, given directly: tests have no network.
        using var factory = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.Configuration = new OpenIdConnectConfiguration
                {
                    Issuer = "https://login.example.org/tenant/v2.0",
                    AuthorizationEndpoint = "https://login.example.org/tenant/oauth2/v2.0/authorize",
                    TokenEndpoint = "https://login.example.org/tenant/oauth2/v2.0/token",
                };
                o.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
            })));
        using var client = new FormClient(factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));

        var page = await client.GetPageAsync("/account/sign-in");
        var challenge = await client.PostAsync("/account/external", [new("returnUrl", "/admin/rounds"), new("__RequestVerificationToken", FormClient.TokenOf(page))], withToken: false);

        Assert.Contains("Sign in with Microsoft Entra ID", page, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' https://login.example.org;", challenge.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!.ToString();
        Assert.StartsWith("https://login.example.org/tenant/oauth2/v2.0/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=readiness-client", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Faccount%2Fexternal%2Fcallback", location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task After_the_provider_signs_someone_in_only_people_already_added_get_in(bool added)
    {
        var email = added ? (await _factory.AddUserAsync("Analyst")).Email : "stranger@lga.example";

        // Stands in for the OpenID Connect handler's last step, which signs the provider's identity into
        // Identity's external cookie; the page under test takes it from there.
        using var factory = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ExternalSignInStub())));
        using var client = new FormClient(factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await client.GetAsync("/test/external-sign-in?email=" + Uri.EscapeDataString(email));

        var callback = await client.GetAsync("/account/external?handler=Callback&returnUrl=%2Fadmin%2Frounds");

        if (added)
        {
            Assert.Equal("/admin/rounds", callback.Headers.Location?.OriginalString);
            Assert.Contains("(analyst)", await client.GetPageAsync("/admin"), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
            Assert.Contains("You do not have an account", await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
        }
    }

    [Fact]
    public async Task An_admin_signed_in_by_the_organisation_may_make_changes_without_setting_up_two_factor_here()
    {
        var round = await new Scenario(_factory).OpenRoundAsync("organisation " + Guid.NewGuid());
        var email = (await _factory.AddUserAsync("Admin")).Email;
        using var factory = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ExternalSignInStub())));
        using var client = new FormClient(factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await client.GetAsync("/test/external-sign-in?email=" + Uri.EscapeDataString(email));
        await client.GetAsync("/account/external?handler=Callback");

        var close = await client.PostAsync($"/admin/rounds/{round}/close", []);

        Assert.Equal($"/admin/rounds/{round}", close.Headers.Location?.OriginalString);
        Assert.DoesNotContain("You need two-factor sign-in", await client.GetPageAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callback_without_an_external_sign_in_goes_back_to_the_sign_in_page()
    {
        using var client = _factory.CreateFormClient();

        var response = await client.GetAsync("/account/external?handler=Callback");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}

internal sealed class ExternalSignInStub : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path == "/test/external-sign-in")
            {
                var email = context.Request.Query["email"].ToString();
                var identity = new System.Security.Claims.ClaimsIdentity(
                    [new("sub", "provider-key-" + email), new(System.Security.Claims.ClaimTypes.NameIdentifier, "provider-key-" + email), new("email", email)], "oidc");
                var properties = new Microsoft.AspNetCore.Authentication.AuthenticationProperties();
                properties.Items["LoginProvider"] = OpenIdConnectDefaults.AuthenticationScheme;
                await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignInAsync(
                    context, Microsoft.AspNetCore.Identity.IdentityConstants.ExternalScheme, new System.Security.Claims.ClaimsPrincipal(identity), properties);
                return;
            }

            await nextMiddleware();
        });
        next(app);
    };
}
