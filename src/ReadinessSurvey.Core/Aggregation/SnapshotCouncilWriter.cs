using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Writes a snapshot's per-council rows inside the run's transaction, entirely in the database: one
/// INSERT ... SELECT copies each submitted council with its scores as a JSON array (the dimensions' scores
/// from ReturnScores, through its (ReturnId, DimensionId) index, then the overall score from the return).
/// Nothing per council is read into memory.
/// </summary>
/// <remarks>
/// <para>Note: ranking every score in its sector, type and region with window functions (RANK, COUNT OVER) in
/// the same statement measured 5 to 7 times slower than the plain copy on SQLite (a sort per window);
/// readers rank instead (<see cref="CouncilResults"/>), which costs nothing when per-council data is not read.</para>
/// <para>Note: both providers build the JSON as text, not with their JSON builders. On SQLite (100,000
/// returns) json_group_array(json_object(...)) took about 1.8 s, text with json_quote about 1.3 s, the old
/// 700,000-row copy into a SnapshotCouncilScores table about 2.3 s. SQL Server's FOR JSON writes a float with
/// 16 significant digits (6.780750000000000e+003), which does not always read back as the same double.</para>
/// <para>Note: the scores read back as the same doubles: SQLite's text of a real (3.53, bundled with
/// Microsoft.Data.Sqlite) has up to 17 significant digits, as json_object's has; SQL Server's CONVERT style 3
/// is its lossless 17-digit form. The round-trip is tested (SnapshotCouncilRowsTests).</para>
/// </remarks>
internal static class SnapshotCouncilWriter
{
    private const string Columns =
        """
        INSERT INTO "SnapshotCouncils" ("SnapshotId", "CouncilId", "Code", "Name", "TypeCode", "RegionCode", "Tier", "OverallScore", "MaturityLevel", "Scores")
        SELECT {0}, c."Id", c."Code", c."Name", c."TypeCode", c."RegionCode", c."Tier", r."OverallScore", r."MaturityLevel",
        """;

    private const string From =
        """

        FROM "Returns" AS r
        INNER JOIN "Councils" AS c ON c."Id" = r."CouncilId"
        WHERE r."RoundId" = {1} AND r."Status" = {2}
        """;

    // EF Core formats raw SQL like string.Format: {0} snapshot, {1} round, {2} submitted status, {3} the
    // overall dimension's id (left out of the dimensions: the return's own column is the overall score).
    private const string OverallId = "{3}";

    private const string OverallStatus = """CASE WHEN r."OverallScore" IS NULL THEN 'insufficient' ELSE 'scored' END""";

    public static Task WriteAsync(ReadinessDbContext db, long snapshotId, int roundId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            InsertSql(db.Database.IsSqlite()),
            [snapshotId, roundId, (int)ReturnStatus.Submitted, ReturnScore.Overall],
            cancellationToken);

    /// <summary>The statement in EF Core's raw SQL format (placeholders {0} to {3}, other braces doubled).</summary>
    internal static string InsertSql(bool sqlite) => Columns + " " + ScoresSql(sqlite) + From;

    // [dimension scores..., overall]: the overall object is always there, so the array is never empty.
    private static string ScoresSql(bool sqlite)
    {
        var dimension = ScoreJson(sqlite, "s.\"DimensionId\"", "s.\"Score\"", "s.\"Status\"");
        var overall = ScoreJson(sqlite, OverallId, "r.\"OverallScore\"", OverallStatus);
        var list = sqlite ? $"group_concat({dimension}, ',')" : $"STRING_AGG(CAST({dimension} AS nvarchar(max)), N',')";
        var dimensions = $"""(SELECT {list} FROM "ReturnScores" AS s WHERE s."ReturnId" = r."Id" AND s."DimensionId" <> {OverallId})""";
        return sqlite
            ? $"'[' || COALESCE({dimensions} || ',', '') || {overall} || ']'"
            : $"CONCAT(N'[', {dimensions} + N',', {overall}, N']')";
    }

    /// <summary>
    /// One score as JSON text, {"d":...,"s":...,"st":...} (braces doubled for EF Core): the ids quoted by the
    /// database, the number as SQLite's text of a real or SQL Server's CONVERT style 3 (6.2857142857142854E+001), or null.
    /// </summary>
    private static string ScoreJson(bool sqlite, string dimension, string score, string status) => sqlite
        ? $$$"""'{{"d":' || json_quote({{{dimension}}}) || ',"s":' || COALESCE(CAST({{{score}}} AS TEXT), 'null') || ',"st":' || json_quote({{{status}}}) || '}}'"""
        : $$$"""CONCAT(N'{{"d":"', STRING_ESCAPE({{{dimension}}}, 'json'), N'","s":', COALESCE(CONVERT(varchar(30), {{{score}}}, 3), 'null'), N',"st":"', STRING_ESCAPE({{{status}}}, 'json'), N'"}}')""";
}
