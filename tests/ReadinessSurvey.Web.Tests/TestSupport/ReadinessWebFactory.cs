using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Web;

/// <summary>The real web app on a real SQLite file of its own.</summary>
public class ReadinessWebFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database = new();

    public TestDatabase Database => _database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Readiness", _database.ConnectionString);
        builder.UseSetting("Database:Provider", "Sqlite");
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
