using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Web.Respond;

/// <summary>
/// Council respondents sign in by opening their invitation link, which is exchanged for this cookie.
/// The cookie names the contributor and their return; every request re-checks that the invitation is
/// still usable and still the same link, so revoking or reissuing it or closing the round locks the
/// person out at once.
/// </summary>
public static class RespondentAuthentication
{
    public const string Scheme = "Respondent";
    public const string Policy = "Respondent";
    public const string ReturnIdClaim = "return";
    public const string ContributorIdClaim = "contributor";
    public const string InvitationIdClaim = "invitation";

    /// <summary>The hash of the link's token: reissuing the invitation changes it, which ends sessions opened with the old link.</summary>
    public const string LinkClaim = "link";

    public static AuthenticationBuilder AddRespondentCookie(this AuthenticationBuilder builder, IConfiguration configuration) =>
        builder.AddCookie(Scheme, options =>
        {
            Security.TransportSecurity.Name(options.Cookie, "readiness-respondent", configuration);
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.LoginPath = "/respond/signed-out";
            options.AccessDeniedPath = "/respond/signed-out";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ValidateAsync;
        });

    public static ClaimsPrincipal CreatePrincipal(Contributor contributor, Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(contributor);
        ArgumentNullException.ThrowIfNull(invitation);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, contributor.Name),
            new Claim(ReturnIdClaim, contributor.ReturnId.ToString(CultureInfo.InvariantCulture)),
            new Claim(ContributorIdClaim, contributor.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(InvitationIdClaim, contributor.InvitationId.ToString(CultureInfo.InvariantCulture)),
            new Claim(LinkClaim, invitation.TokenHash),
        ], Scheme);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The signed-in contributor's return and contributor ids.</summary>
    public static (int ReturnId, int ContributorId) Respondent(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (Id(user, ReturnIdClaim), Id(user, ContributorIdClaim));
    }

    private static int Id(ClaimsPrincipal user, string type) =>
        int.Parse(user.FindFirstValue(type) ?? throw new InvalidOperationException("Not signed in as a respondent."), CultureInfo.InvariantCulture);

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var invitationId = context.Principal?.FindFirstValue(InvitationIdClaim);
        var link = context.Principal?.FindFirstValue(LinkClaim);
        if (invitationId is null || link is null || !int.TryParse(invitationId, CultureInfo.InvariantCulture, out var id))
        {
            context.RejectPrincipal();
            return;
        }

        var services = context.HttpContext.RequestServices;
        if (!await services.GetRequiredService<InvitationService>().IsUsableAsync(id, link, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
