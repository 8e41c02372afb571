using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Accounts;

namespace ReadinessSurvey.Web.Api;

/// <summary>
/// Who may call the API: a signed-in team member through their browser cookie, or their own tools with a
/// personal token (<c>Authorization: Bearer rs_...</c>). One policy scheme picks the token handler when
/// the header is there and the Identity cookie otherwise; a refusal is always 401/403, never a redirect
/// to the sign-in page, which a script cannot follow. Council respondents' cookies are not read here.
/// </summary>
public static class ApiAuthentication
{
    public const string Scheme = "Api";
    public const string TokenScheme = "ApiToken";
    public const string Policy = "Api";

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Cookie or API token", o =>
            {
                o.ForwardDefaultSelector = context => HasBearer(context.Request) ? TokenScheme : IdentityConstants.ApplicationScheme;
                o.ForwardChallenge = TokenScheme;
                o.ForwardForbid = TokenScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(TokenScheme, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser().RequireRole(PolicyRoles.Admin, PolicyRoles.Analyst));
        return services;
    }

    internal static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Reads a personal API token and signs the request in as its owner, with the owner's roles read afresh
/// (a role taken away, a locked account or a revoked token stops the next call).
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    UserManager<PolicyUser> users,
    IUserClaimsPrincipalFactory<PolicyUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiAuthentication.HasBearer(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var token = await tokens.CheckAsync(secret, Context.RequestAborted);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId);
        if (token is null || user is null || await users.IsLockedOutAsync(user))
        {
            // Never say which: unknown, revoked, expired and locked out read the same.
            return AuthenticateResult.Fail("The API token is not valid.");
        }

        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, ApiAuthentication.TokenScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim("api_token_id", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"readiness-api\"";
        return Task.CompletedTask;
    }
}
