using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Writes a snapshot's per-council rows inside the run's transaction, entirely in the database: two
/// INSERT ... SELECT statements copy each submitted council and its scores. Nothing per council is read
/// into memory. The SQL is plain enough for both providers (quoted identifiers, a UNION ALL).
/// </summary>
/// <remarks>
/// Note: ranking every score in its sector, type and region with window functions (RANK, COUNT OVER) in
/// the same statements measured 5 to 7 times slower than the plain copy on SQLite (a sort per window);
/// readers rank instead (<see cref="CouncilResults"/>), which costs nothing when per-council data is not read.
/// </remarks>
internal static class SnapshotCouncilWriter
{
    public static async Task WriteAsync(ReadinessDbContext db, long snapshotId, int roundId, CancellationToken cancellationToken)
    {
        var submitted = (int)ReturnStatus.Submitted;
        var overall = ReturnScore.Overall;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "SnapshotCouncils" ("SnapshotId", "CouncilId", "Code", "Name", "TypeCode", "RegionCode", "Tier", "OverallScore", "MaturityLevel")
            SELECT {snapshotId}, c."Id", c."Code", c."Name", c."TypeCode", c."RegionCode", c."Tier", r."OverallScore", r."MaturityLevel"
            FROM "Returns" AS r
            INNER JOIN "Councils" AS c ON c."Id" = r."CouncilId"
            WHERE r."RoundId" = {roundId} AND r."Status" = {submitted}
            """,
            cancellationToken);

        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "SnapshotCouncilScores" ("SnapshotId", "CouncilId", "DimensionId", "Score", "Status")
            SELECT {snapshotId}, x."CouncilId", x."DimensionId", x."Score", x."Status"
            FROM (
                SELECT r."CouncilId", {overall} AS "DimensionId", r."OverallScore" AS "Score",
                    CASE WHEN r."OverallScore" IS NULL THEN 'insufficient' ELSE 'scored' END AS "Status"
                FROM "Returns" AS r
                WHERE r."RoundId" = {roundId} AND r."Status" = {submitted}
                UNION ALL
                SELECT r."CouncilId", s."DimensionId", s."Score", s."Status"
                FROM "ReturnScores" AS s
                INNER JOIN "Returns" AS r ON r."Id" = s."ReturnId"
                WHERE r."RoundId" = {roundId} AND r."Status" = {submitted} AND s."DimensionId" <> {overall}
            ) AS x
            """,
            cancellationToken);
    }
}
