using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Accounts;

namespace ReadinessSurvey.Web.Accounts;

/// <summary>
/// An admin changes nothing until their account has two-factor sign-in: a stolen admin password alone
/// must not be enough to publish, invite or erase. Sign-in through the organisation's provider counts as
/// protected, since that provider enforces its own second factor. Analysts change no data, so the rule is
/// for admins only. Whether a session is protected is carried as a claim (<see cref="Claim"/>) so every
/// check, the job dashboard's synchronous one too, reads it without a database round trip.
/// </summary>
public static class AdminTwoFactor
{
    /// <summary>Present when the signed-in account has two-factor sign-in on.</summary>
    public const string Claim = "two-factor";

    public const string SetUpPath = "/account/authenticator";

    /// <summary>True when this session may make changes as far as two-factor goes (it says nothing about the role).</summary>
    public static bool IsProtected(ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == Claim) || user.HasClaim(c => c.Type == ClaimTypes.AuthenticationMethod);

    /// <summary>An admin whose session may not change anything yet.</summary>
    public static bool MustSetUp(ClaimsPrincipal user) => user.IsAdmin() && !IsProtected(user);
}

/// <summary>Adds <see cref="AdminTwoFactor.Claim"/> when the account has two-factor on; Identity rebuilds the principal after every security-stamp change (two-factor on or off changes it).</summary>
public sealed class PolicyUserClaimsFactory(UserManager<PolicyUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PolicyUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PolicyUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(AdminTwoFactor.Claim, "on"));
        }

        return identity;
    }
}

/// <summary>
/// Sends an admin without two-factor to set it up when they try any change (a request that is not a GET
/// or HEAD), on every page except those marked <see cref="OpenBeforeTwoFactorAttribute"/>. A global filter,
/// so a new handler cannot forget it.
/// </summary>
public sealed class AdminTwoFactorFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var method = context.HttpContext.Request.Method;
        var isChange = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var open = context.HandlerInstance.GetType().IsDefined(typeof(OpenBeforeTwoFactorAttribute), inherit: true);
        if (isChange && !open && AdminTwoFactor.MustSetUp(context.HttpContext.User))
        {
            // Nothing of the refused form is kept: the person sets up two-factor, then does it again.
            context.Result = new RedirectResult(AdminTwoFactor.SetUpPath + "?required=1");
            return;
        }

        await next();
    }
}

/// <summary>Marks a page an admin without two-factor may still post to: setting it up, changing their password and signing out.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OpenBeforeTwoFactorAttribute : Attribute;
