using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Web.Accounts;

/// <summary>
/// Every policy-team sign-in is a session recorded in the database, named by a claim in its cookie,
/// and checked on every request. Signing out deletes the record, so a copy of the cookie taken
/// earlier opens nothing afterwards, on any node. The records are Identity's user tokens (one table
/// already there, removed with the user) under a login provider of their own.
/// </summary>
internal static class StaffSessions
{
    public const string Claim = "session";
    private const string Provider = "[ReadinessSurvey:Session]";

    /// <summary>Records older than this are cleared at the person's next sign-in; a cookie idle for 8 hours has expired long before.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    /// <summary>Wires the sessions into the application cookie.</summary>
    public static void Use(CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stampCheck = options.Events.OnValidatePrincipal;
        options.Events.OnSigningIn = OpenAsync;
        options.Events.OnValidatePrincipal = async context =>
        {
            if (!await IsOpenAsync(context.HttpContext, context.Principal))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await stampCheck(context);
        };
    }

    /// <summary>The security stamp check rebuilds the principal from the user every minute: it keeps the session's name.</summary>
    public static Task KeepSessionAsync(SecurityStampRefreshingPrincipalContext refresh)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        if (refresh.CurrentPrincipal?.FindFirst(Claim) is { } session && refresh.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(Claim, session.Value));

            // How the person signed in (the organisation's provider) is not on the user: keep it, as a refreshed sign-in does.
            foreach (var method in refresh.CurrentPrincipal.FindAll(ClaimTypes.AuthenticationMethod))
            {
                if (!identity.HasClaim(ClaimTypes.AuthenticationMethod, method.Value))
                {
                    identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, method.Value));
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Ends this request's session: its cookie, and any copy of it, opens nothing afterwards.</summary>
    public static async Task EndAsync(ReadinessDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (UserId(user) is { } userId && user.FindFirstValue(Claim) is { } session)
        {
            await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == session).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Ends every session of the person.</summary>
    public static async Task EndAllAsync(ReadinessDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider).ExecuteDeleteAsync(cancellationToken);

    private static async Task OpenAsync(CookieSigningInContext context)
    {
        var db = context.HttpContext.RequestServices.GetRequiredService<ReadinessDbContext>();
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var cancellationToken = context.HttpContext.RequestAborted;
        if (UserId(context.Principal) is not { } userId || context.Principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        // A new session on each sign-in (a refreshed sign-in too): the session this browser had ends.
        var now = clock.GetUtcNow().UtcDateTime;
        await EndAsync(db, context.HttpContext.User, cancellationToken);
        var mine = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider).ToListAsync(cancellationToken);
        db.UserTokens.RemoveRange(mine.Where(t => !DateTime.TryParse(t.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var opened) || opened < now - KeptFor));

        var session = Guid.NewGuid().ToString("N");
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = Provider, Name = session, Value = now.ToString("O", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(cancellationToken);
        identity.AddClaim(new Claim(Claim, session));
    }

    private static async Task<bool> IsOpenAsync(HttpContext http, ClaimsPrincipal? user)
    {
        if (UserId(user) is not { } userId || user!.FindFirstValue(Claim) is not { } session)
        {
            return false;
        }

        var db = http.RequestServices.GetRequiredService<ReadinessDbContext>();
        return await db.UserTokens.AnyAsync(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == session, http.RequestAborted);
    }

    private static string? UserId(ClaimsPrincipal? user) => user?.FindFirstValue(ClaimTypes.NameIdentifier);
}
