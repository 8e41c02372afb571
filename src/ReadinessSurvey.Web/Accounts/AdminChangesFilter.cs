using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ReadinessSurvey.Web.Accounts;

/// <summary>
/// Analysts read; admins also change things. Every page under /Admin already needs a policy-team role
/// (a folder convention); this filter adds that any request that is not a GET or HEAD (every form post,
/// whatever its handler) needs the Admin role, unless the page is marked <see cref="AnalystsMayPostAttribute"/>.
/// Being a filter rather than a check in each handler, a new handler cannot forget it.
/// </summary>
public sealed class AdminChangesFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var isChange = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        var isAdminArea = context.ActionDescriptor.ViewEnginePath.StartsWith("/Admin/", StringComparison.Ordinal);
        var exempt = context.HandlerInstance.GetType().IsDefined(typeof(AnalystsMayPostAttribute), inherit: true);
        if (isChange && isAdminArea && !exempt)
        {
            var result = await authorization.AuthorizeAsync(context.HttpContext.User, PolicyTeamAuthentication.AdminPolicy);
            if (!result.Succeeded)
            {
                context.Result = new ForbidResult(IdentityConstants.ApplicationScheme);
                return;
            }
        }

        await next();
    }
}

/// <summary>Marks an admin-area page whose posts analysts may make too (they read or produce outputs, and change no data).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AnalystsMayPostAttribute : Attribute;
