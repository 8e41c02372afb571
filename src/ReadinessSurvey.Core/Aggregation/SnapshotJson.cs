using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReadinessSurvey.Aggregation.Statistics;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Reads and writes snapshot JSON. Output is stable: properties in declaration order, every list
/// sorted by the builders, numbers rounded to 2 decimal places and written invariantly by
/// System.Text.Json, so the same data always gives byte-identical JSON.
/// </summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
    };

    public static string Write(SnapshotContent content) => JsonSerializer.Serialize(content, Options);

    public static string Write(IReadOnlyList<SuppressionLogEntry> log) => JsonSerializer.Serialize(log, Options);

    /// <summary>
    /// The internal view of a snapshot. Its councils come from the snapshot's per-council rows when they
    /// are loaded (<see cref="SnapshotReader"/> loads them), or from the JSON of snapshots made before the rows.
    /// </summary>
    public static SnapshotContent ReadContent(AggregateSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var content = Read<SnapshotContent>(snapshot.ContentJson);
        return snapshot.Councils.Count == 0 ? content : content with { Councils = CouncilResults.From(snapshot.Councils, content) };
    }

    /// <summary>The published (protected) view of a snapshot.</summary>
    /// <exception cref="InvalidOperationException">The snapshot's published view is not protected yet.</exception>
    public static SnapshotContent ReadPublished(AggregateSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Read<SnapshotContent>(snapshot.PublishedJson ?? throw NotProtected(snapshot));
    }

    /// <summary>What the published view withheld, in the order it was withheld.</summary>
    /// <exception cref="InvalidOperationException">The snapshot's published view is not protected yet.</exception>
    public static IReadOnlyList<SuppressionLogEntry> ReadSuppressionLog(AggregateSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Read<List<SuppressionLogEntry>>(snapshot.SuppressionLogJson ?? throw NotProtected(snapshot));
    }

    private static InvalidOperationException NotProtected(AggregateSnapshot snapshot) =>
        new($"Snapshot {snapshot.Id} of round {snapshot.RoundId} has no published view yet: it is protected after the aggregation run that counted it.");

    /// <summary>SHA-256 of the UTF-8 text, lowercase hex.</summary>
    public static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException("The snapshot JSON is empty.");
}
