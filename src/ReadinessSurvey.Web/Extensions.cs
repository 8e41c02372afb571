using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Data;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Api;
using ReadinessSurvey.Web.Dashboard;
using ReadinessSurvey.Web.Jobs;
using ReadinessSurvey.Web.Respond;
using ReadinessSurvey.Web.Security;
using ReadinessSurvey.Web.Site;

namespace ReadinessSurvey.Web;

/// <summary>The web app's registrations and request pipeline.</summary>
public static class Extensions
{
    public static IServiceCollection AddReadinessWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // Invitation links carry their token in the path, and ASP.NET Core's hosting diagnostics put the path in
        // every request's log scope and its "Request starting" line: silence that category so no log holds a link.
        services.AddLogging(l => l.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None));
        // Bounded: a server database that is down would otherwise be retried by the execution strategy for a minute.
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", timeout: TimeSpan.FromSeconds(5));
        services.AddPolicyTeamAuthentication(configuration);
        services.AddAuthentication().AddRespondentCookie(configuration);
        services.AddApiAuthentication();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ReadinessSurvey published aggregates";
            document.Info.Description = "Read-only. Sign in as a member of the policy team, or send a personal API token " +
                "(made at /account/api-tokens) as 'Authorization: Bearer rs_...'. Withheld numbers are null.";
            return Task.CompletedTask;
        }));
        services.AddAuthorizationBuilder()
            .AddPolicy(RespondentAuthentication.Policy, p => p.AddAuthenticationSchemes(RespondentAuthentication.Scheme)
                .RequireAuthenticatedUser().RequireClaim(RespondentAuthentication.ReturnIdClaim))

            // Closed by default: a page or endpoint is public only when it says so, and otherwise
            // needs a member of the policy team (a respondent's cookie opens nothing outside /respond).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser().RequireRole(PolicyRoles.Admin, PolicyRoles.Analyst).Build());
        services.AddSignInRateLimit(configuration);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SiteOptions>, SiteOptionsValidator>();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ContactEmail), "Site:ContactEmail must be an email address.")
            .ValidateOnStart();
        services.AddTransportSecurity(configuration);
        services.AddSingleton<SignInThrottle>();
        services.AddAntiforgery(o => TransportSecurity.Name(o.Cookie, "readiness-antiforgery", configuration));
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => TransportSecurity.Name(o.Cookie, "readiness-tempdata", configuration));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", PolicyTeamAuthentication.AnalystPolicy);
            o.Conventions.AuthorizeFolder("/Account", PolicyTeamAuthentication.AnalystPolicy);
            o.Conventions.AllowAnonymousToPage("/Account/SignIn");
            o.Conventions.AllowAnonymousToPage("/Account/TwoFactor");
            o.Conventions.AllowAnonymousToPage("/Account/RecoveryCode");
            o.Conventions.AllowAnonymousToPage("/Account/Lockout");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Account/External");
            o.Conventions.AllowAnonymousToPage("/Account/SignedOut");
            o.Conventions.AuthorizeFolder("/Respond", RespondentAuthentication.Policy);
            o.Conventions.AllowAnonymousToPage("/Respond/Start");
            o.Conventions.AllowAnonymousToPage("/Respond/SignedOut");
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/Accessibility");
            o.Conventions.AllowAnonymousToPage("/Privacy");
            o.Conventions.AllowAnonymousToPage("/Cookies");
            o.Conventions.AllowAnonymousToPage("/Contact");

            // Published reports are for anyone; the pages serve only what an admin published.
            o.Conventions.AllowAnonymousToFolder("/Reports");
            o.Conventions.AllowAnonymousToFolder("/Publications");
        });
        services.AddScoped<AdminChangesFilter>();
        services.AddSingleton<AdminTwoFactorFilter>();
        services.AddDashboards();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            o.Filters.AddService<AdminChangesFilter>();
            o.Filters.AddService<AdminTwoFactorFilter>();
        });
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

        // Keys in the database: any node can read a cookie another node wrote.
        services.AddDataProtection().SetApplicationName("ReadinessSurvey").PersistKeysToDbContext<ReadinessDbContext>();
        services.AddReadinessJobsHost(configuration, worker: false);
        return services;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    public static WebApplication UseReadinessWeb(this WebApplication app)
    {
        app.UseTransportSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        app.MapPublishedApi();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(ApiAuthentication.Policy);
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorizationFilter()],

            // An admin without two-factor may look at jobs but not retry or delete them.
            IsReadOnlyFunc = context => !AdminTwoFactor.IsProtected(context.GetHttpContext().User),
            DisplayStorageConnectionString = false,
        });
        app.Lifetime.ApplicationStarted.Register(() => PrintStartBanner(app));
        return app;
    }

    private static void PrintStartBanner(WebApplication app)
    {
        var target = app.Services.GetRequiredService<DatabaseTarget>();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var database = target.Provider == DatabaseProvider.Sqlite
            ? $"SQLite at {DataServiceCollectionExtensions.SqliteFile(target.ConnectionString) ?? "(in memory)"}"
            : $"{target.Provider} (ConnectionStrings:Readiness)";

        // Written to the console, not the log: it is for the person who started the app.
        Console.WriteLine();
        Console.WriteLine("ReadinessSurvey is ready.");
        foreach (var address in addresses)
        {
            Console.WriteLine($"  Listening on {address}");
        }

        Console.WriteLine($"  Database: {database}");
        Console.WriteLine("  Council respondents sign in with the link in their invitation. To try it:");
        Console.WriteLine("    dotnet run --project src/ReadinessSurvey.Cli -- round open --name \"Trial\" --survey ai-readiness-2024-25 --closes 2030-12-31");
        Console.WriteLine("    dotnet run --project src/ReadinessSurvey.Cli -- invite create --round 1 --council E07000223 --name \"Your Name\" --email you@example.gov.uk --role \"Head of digital\"");
        Console.WriteLine("  then open the link it prints.");
        Console.WriteLine("  The policy team signs in at /account/sign-in. Add the first admin with:");
        Console.WriteLine("    dotnet run --project src/ReadinessSurvey.Cli -- users add --email you@example.org --role Admin");
        Console.WriteLine();
    }
}
