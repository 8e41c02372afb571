namespace ReadinessSurvey.Storage;

/// <summary>
/// The platform's folders as full paths, resolved once from <see cref="StorageOptions"/> and
/// <see cref="ReportsOptions"/> against the storage root (see <see cref="StorageOptions"/>).
/// </summary>
public sealed class StoragePaths
{
    /// <summary>The published folder's name inside the reports folder when <c>Reports:PublishedFolder</c> is not set (round folders' slugs never hold an underscore).</summary>
    public const string DefaultPublishedFolderName = "_published";

    public StoragePaths(string root, StorageOptions storage, ReportsOptions reports)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(reports);
        Root = Path.GetFullPath(root);
        Data = Resolve(storage.DataFolder);
        Surveys = Resolve(storage.SurveysFolder);
        Reports = Resolve(reports.Folder);
        Published = string.IsNullOrWhiteSpace(reports.PublishedFolder) ? Path.Combine(Reports, DefaultPublishedFolderName) : Resolve(reports.PublishedFolder);
    }

    /// <summary>The folder relative settings are under.</summary>
    public string Root { get; }

    public string Data { get; }

    public string Surveys { get; }

    public string Reports { get; }

    public string Published { get; }

    /// <summary>The embedded database when no connection string is set: <c>readiness.db</c> in the data folder.</summary>
    public string DefaultSqliteFile => Path.Combine(Data, "readiness.db");

    /// <summary>A setting's full path: as given when absolute, else under <see cref="Root"/>; blank stays blank for the validator to name.</summary>
    public string Resolve(string? folder) => string.IsNullOrWhiteSpace(folder) ? "" : Path.GetFullPath(folder.Trim(), Root);
}
