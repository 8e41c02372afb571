namespace ReadinessSurvey.Data;

/// <summary>Which database the platform uses. Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> (the embedded default) or <see cref="DatabaseProvider.SqlServer"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>How long a start waits for another process applying migrations before it gives up with a message.</summary>
    public int MigrationTimeoutSeconds { get; set; } = 120;
}

/// <summary>The supported database providers.</summary>
public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
}
