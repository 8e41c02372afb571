namespace ReadinessSurvey.Storage;

/// <summary>
/// The data and survey definition folders (<c>Storage:DataFolder</c>, <c>Storage:SurveysFolder</c>). A relative
/// folder is under the storage root: the web app's content root (the folder it is started in) or the CLI's
/// current directory, so both started from the repository root share <c>data/</c> and <c>surveys/</c> there.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The embedded SQLite database (<c>readiness.db</c>, when no connection string is set) and the email pickup folder (<c>mail/</c>).</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>The survey definitions (<c>*.json</c>) imported on every start; it must hold at least one.</summary>
    public string SurveysFolder { get; set; } = "surveys";
}

/// <summary>
/// Generated reports (<c>Reports:Folder</c>) and published files (<c>Reports:PublishedFolder</c>, by default
/// <c>_published</c> inside the reports folder). With several nodes, a share every node mounts at the same path
/// (decision 0050). Relative folders are under the storage root, as in <see cref="StorageOptions"/>.
/// </summary>
public sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    public string Folder { get; set; } = "reports";

    public string? PublishedFolder { get; set; }
}
