namespace ReadinessSurvey.Aggregation;

/// <summary>
/// One submitted council in an <see cref="AggregateSnapshot"/>: what the council looked like and its
/// overall result when the run read it, with its scores as JSON in the same row. Written by the run in the
/// database (one INSERT ... SELECT), so a snapshot's per-council data never passes through memory or its
/// content JSON.
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
/// these scores, only when per-council data is read.
/// </summary>
/// <remarks>
/// Note: stored as a JSON array in the council's row (<c>SnapshotCouncils.Scores</c>, short names d, s, st),
/// not as a row each: the run wrote ~700,000 score rows at 100,000 returns (a table with its own key,
/// a foreign-key index and a foreign key), which cost about 2.3 s of a 14 s run on SQLite. Readers only ever
/// read a council's scores with the council. The numbers keep every bit of the double (see
/// <see cref="SnapshotCouncilWriter"/>).
/// </remarks>
public sealed class SnapshotCouncilScore
{
    public required string DimensionId { get; set; }

    public double? Score { get; set; }

    public required string Status { get; set; }
}
