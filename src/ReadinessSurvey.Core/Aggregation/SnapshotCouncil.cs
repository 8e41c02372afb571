namespace ReadinessSurvey.Aggregation;

/// <summary>
/// One submitted council in an <see cref="AggregateSnapshot"/>: what the council looked like and its
/// overall result when the run read it. Written by the run in the database (INSERT ... SELECT), so a
/// snapshot's per-council data never passes through memory or its JSON.
/// </summary>
public sealed class SnapshotCouncil
{
    public long SnapshotId { get; set; }

    public int CouncilId { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string TypeCode { get; set; }

    public required string RegionCode { get; set; }

    public required string Tier { get; set; }

    /// <summary>Unrounded, as stored on the return; readers round it.</summary>
    public double? OverallScore { get; set; }

    public int? MaturityLevel { get; set; }

    public List<SnapshotCouncilScore> Scores { get; set; } = [];
}

/// <summary>
/// A council's score on one dimension (or <c>overall</c>) in a snapshot, with its mid-rank percentile
/// among the councils of the sector, of its type and of its region that have a score on the dimension.
/// The percentiles are computed by the database with window functions; they are null when the score is.
/// </summary>
public sealed class SnapshotCouncilScore
{
    public long SnapshotId { get; set; }

    public int CouncilId { get; set; }

    public required string DimensionId { get; set; }

    public double? Score { get; set; }

    public required string Status { get; set; }

    public double? SectorPercentile { get; set; }

    public double? TypePercentile { get; set; }

    public double? RegionPercentile { get; set; }
}
