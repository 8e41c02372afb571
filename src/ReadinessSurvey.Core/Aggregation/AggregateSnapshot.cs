namespace ReadinessSurvey.Aggregation;

/// <summary>
/// The result of one aggregation run over a round. A run writes a new snapshot and makes it current
/// in one transaction; at most one snapshot per round is current. Its published view is built and protected
/// after that transaction (decision 0093): until then <see cref="PublishedJson"/> is null.
/// </summary>
public sealed class AggregateSnapshot
{
    public long Id { get; set; }

    public int RoundId { get; set; }

    public DateTime ComputedAt { get; set; }

    public bool IsCurrent { get; set; }

    /// <summary>Hash of the inputs (submitted returns), so the same data is seen to give the same snapshot.</summary>
    public required string InputHash { get; set; }

    public int ReturnCount { get; set; }

    /// <summary>The internal aggregates as JSON, without per-council data (that is in <see cref="Councils"/>).</summary>
    public required string ContentJson { get; set; }

    /// <summary>The published (protected) aggregates as JSON; null until the published view is protected.</summary>
    public string? PublishedJson { get; set; }

    /// <summary>What was withheld from the published view, and why (JSON); null until the published view is protected.</summary>
    public string? SuppressionLogJson { get; set; }

    /// <summary>Whether the published view is ready (see <see cref="PublishedJson"/>).</summary>
    public bool IsProtected => PublishedJson is not null;

    /// <summary>
    /// Each submitted council's profile and position against its peers, as rows. Loaded by
    /// <see cref="SnapshotReader"/>; empty on snapshots made before these rows existed, whose councils are in the JSON.
    /// </summary>
    public List<SnapshotCouncil> Councils { get; set; } = [];
}
