using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>Identity's user and role stores over the platform's database; the web app adds sign-in on top.</summary>
    public static IdentityBuilder AddPolicyAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountService>();
        services.AddScoped<ApiTokenService>();
        return services.AddIdentityCore<PolicyUser>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ReadinessDbContext>()
            .AddTokenProvider<AuthenticatorTokenProvider<PolicyUser>>(TokenOptions.DefaultAuthenticatorProvider);
    }
}
