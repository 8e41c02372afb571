using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Writes a snapshot's per-council rows inside the run's transaction, entirely in the database: one
/// INSERT ... SELECT copies each submitted council with its scores as a JSON array (the dimensions' scores
/// from ReturnScores, through its (ReturnId, DimensionId) index, then the overall score from the return).
/// Nothing per council is read into memory. Each provider builds the JSON its own way.
/// </summary>
/// <remarks>
/// <para>Note: ranking every score in its sector, type and region with window functions (RANK, COUNT OVER) in
/// the same statement measured 5 to 7 times slower than the plain copy on SQLite (a sort per window);
/// readers rank instead (<see cref="CouncilResults"/>), which costs nothing when per-council data is not read.</para>
/// <para>Note: the scores must come back as the same doubles. SQLite's json_object writes a real with 17
/// significant digits (SQLite 3.53, bundled with Microsoft.Data.Sqlite), which reads back exactly. SQL
/// Server's FOR JSON writes a float with 16 (6.780750000000000e+003), which does not, so SQL Server builds the
/// array as text instead: CONVERT(..., 3) is its lossless 17-digit style, STRING_ESCAPE quotes the ids.</para>
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

    private const string SqliteScores =
        $"""
            json_insert(
                (SELECT json_group_array(json_object('d', s."DimensionId", 's', s."Score", 'st', s."Status"))
                 FROM "ReturnScores" AS s WHERE s."ReturnId" = r."Id" AND s."DimensionId" <> {OverallId}),
                '$[#]', json_object('d', {OverallId}, 's', r."OverallScore", 'st', {OverallStatus}))
        """;

    private static readonly string SqlServerScores =
        $"""
            CONCAT(N'[',
                (SELECT STRING_AGG(CAST({SqlServerScore("s.\"DimensionId\"", "s.\"Score\"", "s.\"Status\"")} AS nvarchar(max)), N',')
                 FROM "ReturnScores" AS s WHERE s."ReturnId" = r."Id" AND s."DimensionId" <> {OverallId}) + N',',
                {SqlServerScore(OverallId, "r.\"OverallScore\"", OverallStatus)},
                N']')
        """;

    public static Task WriteAsync(ReadinessDbContext db, long snapshotId, int roundId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            InsertSql(db.Database.IsSqlite()),
            [snapshotId, roundId, (int)ReturnStatus.Submitted, ReturnScore.Overall],
            cancellationToken);

    /// <summary>The statement in EF Core's raw SQL format (placeholders {0} to {3}, other braces doubled).</summary>
    internal static string InsertSql(bool sqlite) => Columns + (sqlite ? SqliteScores : SqlServerScores) + From;

    /// <summary>
    /// The SQL Server text of one score object, {"d":...,"s":...,"st":...}, as SQLite's json_object writes it,
    /// the number in CONVERT style 3 (17 digits, such as 6.2857142857142854E+001) or null; braces doubled.
    /// </summary>
    private static string SqlServerScore(string dimension, string score, string status) =>
        $$$"""CONCAT(N'{{"d":"', STRING_ESCAPE({{{dimension}}}, 'json'), N'","s":', COALESCE(CONVERT(varchar(30), {{{score}}}, 3), 'null'), N',"st":"', STRING_ESCAPE({{{status}}}, 'json'), N'"}}')""";
}
