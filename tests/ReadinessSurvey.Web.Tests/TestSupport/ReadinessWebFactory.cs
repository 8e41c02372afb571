using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Mvc.Testing;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Web;

/// <summary>The real web app on a real database of its own (a SQLite file, or the test run's server provider).</summary>
public class ReadinessWebFactory : WebApplicationFactory<Program>
{
    /// <summary>Hangfire's logging for every test app: a logger factory as long-lived as the test process.</summary>
    private static readonly ILoggerFactory HangfireLogging = LoggerFactory.Create(l => l.AddProvider(new ServerErrors.Provider()));

    private readonly TestDatabase _database;

    public ReadinessWebFactory()
        : this(new TestDatabase())
    {
    }

    // Not public: a class fixture may have one public constructor only.
    private ReadinessWebFactory(TestDatabase database)
    {
        _database = database;

        // Reports, published files and mail in the database's own temporary folder, never in the checkout.
        foreach (var (key, value) in Repository.StorageSettings(database.Folder))
        {
            Settings[key] = value;
        }
    }

    /// <summary>The app on a given database, which the factory disposes with itself.</summary>
    public static ReadinessWebFactory On(TestDatabase database) => new(database);

    public TestDatabase Database => _database;

    /// <summary>Extra configuration for one test class, e.g. a tighter sign-in rate limit.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        // Many tests sign in from the same (test server) address; the limit itself has its own test.
        ["SignInRateLimit:PermitLimit"] = "100000",
        ["SignInRateLimit:InvitationPermitLimit"] = "100000",

        // No job server: submissions still schedule aggregation, but nothing runs behind a test's back.
        ["Jobs:Server"] = "false",
    };

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each step.</summary>
    public FormClient CreateFormClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>The same app and database, with the policy team's sessions re-checked against the security stamp on every request.</summary>
    public WebApplicationFactory<Program> WithSessionChecksOnEveryRequest() =>
        WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));

    /// <summary>Starts the app (migrating the database) if nothing has yet.</summary>
    public void EnsureStarted() => _ = Services;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(l => l.AddProvider(new ServerErrors.Provider()));
        builder.UseSetting("ConnectionStrings:Readiness", _database.ConnectionString);
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);

        // Hangfire keeps one log provider per process, set from the logger factory of the last app that
        // configured it; once that app is disposed, every other app's enqueue fails (ObjectDisposedException
        // from its LoggerFactory). Classes run in parallel and end at any time, so each app configures Hangfire
        // as it starts and then hands it a logger factory that outlives every app.
        _ = host.Services.GetService<IGlobalConfiguration>();
        GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(HangfireLogging));
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
