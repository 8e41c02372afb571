using Hangfire.Dashboard;

namespace ReadinessSurvey.Web.Jobs;

/// <summary>
/// The job dashboard is for signed-in administrators only. Hangfire's default lets any local request in,
/// and behind a reverse proxy on the same host every request is local, so that default is never used.
/// </summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public const string Role = ReadinessSurvey.Accounts.PolicyRoles.Admin;

    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Role);
    }
}
