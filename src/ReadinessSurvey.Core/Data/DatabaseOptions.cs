namespace ReadinessSurvey.Data;

/// <summary>Which database the platform uses. Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> (the embedded default), <see cref="DatabaseProvider.PostgreSql"/> or <see cref="DatabaseProvider.SqlServer"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>How long a start waits for another process applying migrations before it gives up with a message.</summary>
    public int MigrationTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// On a server database, how many times a unit of work that met a transient failure (a dropped
    /// connection, a deadlock, a fail-over) is run again before the error reaches the user. EF Core's default.
    /// </summary>
    public int MaxRetryCount { get; set; } = 6;

    /// <summary>The longest wait between two retries; the waits grow from about a second up to this.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The supported database providers.</summary>
public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
    PostgreSql = 2,
}
