namespace ReadinessSurvey.Publishing;

/// <summary>
/// A published sector report: a finished "published" report run an admin released for anyone to
/// download. Unpublishing keeps the row (with who and when) so the public history stays honest.
/// </summary>
public sealed class PublishedReport
{
    public long Id { get; set; }

    public int RoundId { get; set; }

    /// <summary>The succeeded report run whose files are published.</summary>
    public long ReportRunId { get; set; }

    /// <summary>The aggregate snapshot the report was written from.</summary>
    public long SnapshotId { get; set; }

    public required string Title { get; set; }

    /// <summary>
    /// The publication's own folder, relative to the published folder (<c>Reports:PublishedFolder</c>; <c>&lt;round&gt;/run-&lt;id&gt;</c>):
    /// a copy of the workbook, the charts and the list of files anyone may download.
    /// </summary>
    public string Folder { get; set; } = "";

    /// <summary>The survey definition's id and version, as shown on the public page.</summary>
    public required string SurveyVersion { get; set; }

    /// <summary>When the snapshot was computed: the date of the data.</summary>
    public DateTime DataDate { get; set; }

    public DateTime PublishedAt { get; set; }

    public required string PublishedBy { get; set; }

    public DateTime? UnpublishedAt { get; set; }

    public string? UnpublishedBy { get; set; }

    public bool IsPublished => UnpublishedAt is null;
}
