namespace ReadinessSurvey.Reporting;

/// <summary>
/// A request for a report and what became of it. Recorded in the database so that work requested
/// from the web is not lost if the process stops: pending runs are re-enqueued at start.
/// </summary>
public sealed class ReportRun
{
    public long Id { get; set; }

    public int RoundId { get; set; }

    /// <summary>sector, published, council, councils or export.</summary>
    public required string Kind { get; set; }

    /// <summary>Council code for a council benchmark report; otherwise null.</summary>
    public string? CouncilCode { get; set; }

    public ReportRunStatus Status { get; set; }

    public required string RequestedBy { get; set; }

    public DateTime RequestedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>0-100.</summary>
    public int Progress { get; set; }

    public string? OutputPath { get; set; }

    /// <summary>
    /// The aggregate snapshot the report was written from (set when generation starts), so publishing can
    /// tell whether a finished run still shows the round's current data.
    /// </summary>
    public long? SnapshotId { get; set; }

    public string? Error { get; set; }
}

/// <summary>Where a report run is.</summary>
public enum ReportRunStatus
{
    Pending = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}
