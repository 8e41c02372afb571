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
/// A council's score on one dimension (or <c>overall</c>) in a snapshot, copied from the return by the
/// database. Percentiles against peers are worked out by readers (<see cref="CouncilResults"/>), from
/// these rows, only when per-council data is read.
/// </summary>
/// <remarks>
/// Note: a surrogate key, not (snapshot, council, dimension): inserting 140,000 rows under that composite
/// text key (a second B-tree) measured about five times slower on SQLite than appending by row id.
/// </remarks>
public sealed class SnapshotCouncilScore
{
    public long Id { get; set; }

    public long SnapshotId { get; set; }

    public int CouncilId { get; set; }

    public required string DimensionId { get; set; }

    public double? Score { get; set; }

    public required string Status { get; set; }
}
