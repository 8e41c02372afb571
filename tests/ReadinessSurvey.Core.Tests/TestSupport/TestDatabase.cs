using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Tests.TestSupport;

/// <summary>
/// A real database of its own for one test class, migrated. Never the EF in-memory provider: constraints,
/// transactions and SQL translation are what the tests are about. SQLite (a temporary file) unless
/// <see cref="TestServers.ProviderVariable"/> names a server provider: then a new database on that server,
/// dropped afterwards, so the same tests run on PostgreSQL (and SQL Server) unchanged.
/// </summary>
/// <remarks>
/// On SQLite and PostgreSQL each is a copy of one database per test process migrated by EF Core (<see cref="Migrated"/>):
/// migrating was most of a new database's cost (64 ms on SQLite, 311 ms on PostgreSQL, against a few for a copy),
/// and the run makes hundreds. SQL Server, which no test run here reaches, is migrated each time.
/// </remarks>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "readiness-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _serverName;

    /// <param name="provider">The provider to use; by default the one the test run chose (<see cref="TestServers.Provider"/>).</param>
    public TestDatabase(DatabaseProvider? provider = null)
    {
        Provider = provider ?? TestServers.Provider;
        Directory.CreateDirectory(_folder);
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                File = Path.Combine(_folder, "readiness.db");
                ConnectionString = $"Data Source={File}";
                System.IO.File.Copy(Migrated.SqliteFile.Value, File);
                break;
            case DatabaseProvider.PostgreSql:
                _serverName = "readiness_" + Guid.NewGuid().ToString("N");
                ConnectionString = TestServers.CreateDatabase(Provider, _serverName, template: Migrated.PostgreSqlDatabase.Value);
                break;
            default:
                _serverName = "readiness_" + Guid.NewGuid().ToString("N");
                ConnectionString = TestServers.CreateDatabase(Provider, _serverName);
                using (var db = CreateContext())
                {
                    db.Database.Migrate();
                }

                break;
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file; only for SQLite.</summary>
    public string File { get => field ?? throw new InvalidOperationException("This test database is not a SQLite file."); private init; }

    public string ConnectionString { get; }

    /// <summary>A temporary folder of the test's own (for reports and other files), deleted afterwards.</summary>
    public string Folder => _folder;

    /// <summary>The configuration that points the platform at this database, and its files at <see cref="Folder"/>.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = Repository.StorageSettings(_folder);
        settings["ConnectionStrings:Readiness"] = ConnectionString;
        settings["Database:Provider"] = Provider.ToString();
        return settings;
    }

    public ReadinessDbContext CreateContext() => DataServiceCollectionExtensions.CreateContext(Provider, ConnectionString);

    /// <summary>
    /// Closes the SQLite file's idle pooled connections (pooled like the platform's own): the next connection opens
    /// the file afresh, as a new process would, after a test has changed it under the app.
    /// </summary>
    public void CloseIdleConnections() =>
        SqliteConnection.ClearPool(new SqliteConnection(Provider == DatabaseProvider.Sqlite
            ? ConnectionString
            : throw new InvalidOperationException("Only a SQLite test database has a file's pool to close.")));

    public void Dispose()
    {
        if (_serverName is not null)
        {
            TestServers.DropDatabase(Provider, _serverName, ConnectionString);
        }
        else
        {
            CloseIdleConnections();
        }

        DeleteFolder(_folder);
    }

    /// <summary>Deletes a temporary folder, leaving it when something still holds it.</summary>
    internal static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over clean-up.
        }
    }
}

/// <summary>
/// The databases <see cref="TestDatabase"/> copies: one per provider and test process, made on first use by EF Core's
/// migrations as the platform makes its own, and deleted when the process ends.
/// </summary>
internal static class Migrated
{
    public static readonly Lazy<string> SqliteFile = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "readiness-tests", "migrated-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "readiness.db");
        // Unpooled, so that the file is closed (and whole, its journal folded in) before it is copied.
        using (var db = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"))
        {
            db.Database.Migrate();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDatabase.DeleteFolder(folder);
        return file;
    });

    public static readonly Lazy<string> PostgreSqlDatabase = new(() =>
    {
        var name = "readiness_migrated_" + Guid.NewGuid().ToString("N");
        var connectionString = TestServers.CreateDatabase(DatabaseProvider.PostgreSql, name);
        // Unpooled: PostgreSQL copies a database only while nobody is connected to it.
        using (var db = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.PostgreSql, connectionString + ";Pooling=False"))
        {
            db.Database.Migrate();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => TestServers.DropDatabase(DatabaseProvider.PostgreSql, name, connectionString);
        return name;
    });
}

/// <summary>
/// The database servers a test run may use, from environment variables: <c>READINESS_TEST_POSTGRES</c> (a
/// connection string to a PostgreSQL server, no database: test.sh starts a throwaway one) and
/// <c>READINESS_TEST_SQLSERVER</c> (the same for SQL Server). <c>READINESS_TEST_PROVIDER</c> picks the
/// provider every <see cref="TestDatabase"/> uses (Sqlite by default).
/// </summary>
public static class TestServers
{
    public const string PostgresVariable = "READINESS_TEST_POSTGRES";
    public const string SqlServerVariable = "READINESS_TEST_SQLSERVER";
    public const string ProviderVariable = "READINESS_TEST_PROVIDER";

    public static string? PostgreSql => Variable(PostgresVariable);

    public static string? SqlServer => Variable(SqlServerVariable);

    public static DatabaseProvider Provider =>
        Variable(ProviderVariable) is { } name ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true) : DatabaseProvider.Sqlite;

    /// <summary>The server providers this run can reach: PostgreSQL and SQL Server when their variables are set.</summary>
    public static IEnumerable<DatabaseProvider> Available()
    {
        if (PostgreSql is not null)
        {
            yield return DatabaseProvider.PostgreSql;
        }

        if (SqlServer is not null)
        {
            yield return DatabaseProvider.SqlServer;
        }
    }

    /// <summary>Why a test that needs a server database was skipped.</summary>
    public const string SkipReason =
        "Needs a server database: set READINESS_TEST_POSTGRES (./test.sh starts a throwaway PostgreSQL and sets it) " +
        "or READINESS_TEST_SQLSERVER to a server connection string.";

    /// <summary>
    /// Creates a database on the provider's test server, empty or (PostgreSQL only) a copy of <paramref name="template"/>,
    /// and returns its connection string.
    /// </summary>
    public static string CreateDatabase(DatabaseProvider provider, string name, string? template = null)
    {
        if (template is not null && provider != DatabaseProvider.PostgreSql)
        {
            throw new ArgumentException("Only PostgreSQL copies a database here.", nameof(template));
        }

        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
            {
                var server = PostgreSql ?? throw new InvalidOperationException($"{ProviderVariable} is PostgreSql but {PostgresVariable} is not set.");
                using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
                {
                    connection.Open();
                    using var create = connection.CreateCommand();
                    create.CommandText = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
                    create.ExecuteNonQuery();
                }

                return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            }

            case DatabaseProvider.SqlServer:
            {
                var server = SqlServer ?? throw new InvalidOperationException($"{ProviderVariable} is SqlServer but {SqlServerVariable} is not set.");
                using (var connection = new SqlConnection(new SqlConnectionStringBuilder(server) { InitialCatalog = "master", Pooling = false }.ConnectionString))
                {
                    connection.Open();
                    using var create = connection.CreateCommand();
#pragma warning disable DAP241 // A database name cannot be a parameter; it is "readiness_" and a Guid.
                    create.CommandText = $"CREATE DATABASE [{name}]";
#pragma warning restore DAP241
                    create.ExecuteNonQuery();
                }

                return new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a server provider.");
        }
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever still holds it.</summary>
    public static void DropDatabase(DatabaseProvider provider, string name, string connectionString)
    {
        try
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
                using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgreSql!) { Database = "postgres", Pooling = false }.ConnectionString);
                connection.Open();
                using var drop = connection.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                drop.ExecuteNonQuery();
            }
            else if (provider == DatabaseProvider.SqlServer)
            {
                SqlConnection.ClearAllPools();
                using var connection = new SqlConnection(new SqlConnectionStringBuilder(SqlServer!) { InitialCatalog = "master", Pooling = false }.ConnectionString);
                connection.Open();
                using var drop = connection.CreateCommand();
#pragma warning disable DAP241 // A database name cannot be a parameter; it is "readiness_" and a Guid.
                drop.CommandText = $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]";
#pragma warning restore DAP241
                drop.ExecuteNonQuery();
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or SqlException or InvalidOperationException)
        {
            // A leftover database on a throwaway test server is harmless; never fail a test over clean-up.
        }
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}

/// <summary>A fact that needs a server database: skipped, saying why, when the run has none.</summary>
public sealed class ServerDatabaseFactAttribute : FactAttribute
{
    public ServerDatabaseFactAttribute()
    {
        if (!TestServers.Available().Any())
        {
            Skip = TestServers.SkipReason;
        }
    }
}
