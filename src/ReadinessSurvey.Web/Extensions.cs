using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Web;

/// <summary>The web app's registrations and request pipeline.</summary>
public static class Extensions
{
    public static IServiceCollection AddReadinessWeb(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    public static WebApplication UseReadinessWeb(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapGet("/", () => Results.Text("ReadinessSurvey is running.", "text/plain"));
        app.Lifetime.ApplicationStarted.Register(() => PrintStartBanner(app));
        return app;
    }

    private static void PrintStartBanner(WebApplication app)
    {
        var target = app.Services.GetRequiredService<DatabaseTarget>();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var database = target.Provider == DatabaseProvider.Sqlite
            ? $"SQLite at {DataServiceCollectionExtensions.SqliteFile(target.ConnectionString) ?? "(in memory)"}"
            : "SQL Server (ConnectionStrings:Readiness)";

        // Written to the console, not the log: it is for the person who started the app.
        Console.WriteLine();
        Console.WriteLine("ReadinessSurvey is ready.");
        foreach (var address in addresses)
        {
            Console.WriteLine($"  Listening on {address}");
        }

        Console.WriteLine($"  Database: {database}");
        Console.WriteLine("  Council respondents sign in with the link in their invitation. Create one with:");
        Console.WriteLine("    dotnet run --project src/ReadinessSurvey.Cli -- invite create --round <id> --council <code> --name <name> --email <email> --role <role>");
        Console.WriteLine();
    }
}
