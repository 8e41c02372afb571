using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using ReadinessSurvey.Accounts;

namespace ReadinessSurvey.Web.Accounts;

/// <summary>
/// How the policy team signs in: ASP.NET Core Identity with a password and an authenticator app, or an
/// organisation's OpenID Connect provider when one is configured. Council respondents use their own
/// cookie scheme (<see cref="Respond.RespondentAuthentication"/>); the two never grant each other anything.
/// </summary>
public static class PolicyTeamAuthentication
{
    /// <summary>Analysts and admins: reading dashboards, reports and the register.</summary>
    public const string AnalystPolicy = "PolicyTeam";

    /// <summary>Admins only: anything that changes data, invitations, publishing, the audit log, the job dashboard.</summary>
    public const string AdminPolicy = "PolicyTeamAdmin";

    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static IServiceCollection AddPolicyTeamAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        });
        authentication.AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie!.Configure(o =>
            {
                Security.TransportSecurity.Name(o.Cookie, "readiness-staff", configuration);
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/account/sign-in";
                o.LogoutPath = "/account/sign-out";
                o.AccessDeniedPath = "/account/access-denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                StaffSessions.Use(o);
            });
            cookies.TwoFactorUserIdCookie!.Configure(o => Security.TransportSecurity.Name(o.Cookie, "readiness-staff-2fa", configuration));
            cookies.ExternalCookie!.Configure(o => Security.TransportSecurity.Name(o.Cookie, "readiness-staff-external", configuration));
        });
        new IdentityBuilder(typeof(PolicyUser), typeof(IdentityRole), services).AddSignInManager().AddClaimsPrincipalFactory<PolicyUserClaimsFactory>();

        // "Sign out everywhere" and role changes renew the security stamp; sessions re-check it this often.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = StaffSessions.KeepSessionAsync;
        });

        var oidc = configuration.GetSection(OidcOptions.SectionName).Get<OidcOptions>();
        if (oidc?.IsConfigured == true)
        {
            authentication.AddOpenIdConnect(OidcScheme, oidc.DisplayName, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.CallbackPath = "/account/external/callback";
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.Scope.Add("email");
                o.MapInboundClaims = false;
                o.SaveTokens = false;
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(AnalystPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser().RequireRole(PolicyRoles.Admin, PolicyRoles.Analyst))
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser().RequireRole(PolicyRoles.Admin));
        return services;
    }

    /// <summary>The signed-in team member's user name, for the audit log.</summary>
    public static string Actor(this System.Security.Claims.ClaimsPrincipal user) =>
        user?.Identity?.Name ?? throw new InvalidOperationException("Not signed in as a member of the policy team.");

    public static bool IsAdmin(this System.Security.Claims.ClaimsPrincipal user) => user?.IsInRole(PolicyRoles.Admin) == true;
}
