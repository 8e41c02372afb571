using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Tests.TestSupport;

/// <summary>
/// A real SQLite database in a temporary file, migrated, for one test class. Never the EF in-memory
/// provider: constraints, transactions and SQL translation are what the tests are about.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "readiness-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase()
    {
        Directory.CreateDirectory(_folder);
        File = Path.Combine(_folder, "readiness.db");
        ConnectionString = $"Data Source={File};Pooling=False";
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public string File { get; }

    public string ConnectionString { get; }

    public string Folder => _folder;

    public ReadinessDbContext CreateContext() =>
        DataServiceCollectionExtensions.CreateContext(DatabaseProvider.Sqlite, ConnectionString);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over clean-up.
        }
    }
}
