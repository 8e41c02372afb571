using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Writes a snapshot's per-council rows inside the run's transaction, entirely in the database: two
/// INSERT ... SELECT statements copy each submitted council and its scores, and window functions rank
/// every score within its sector, type and region. Nothing per council is read into memory.
/// </summary>
/// <remarks>
/// The SQL is plain enough for both providers (quoted identifiers, RANK and COUNT over partitions, CAST to
/// float). The percentile is the mid-rank one of <see cref="Statistics.Descriptive.PercentileRank"/>:
/// 100 x (values below + half the values equal) / n over the group's councils with a score on the
/// dimension, computed in double precision in the same order of operations as the C# version, and stored
/// unrounded; readers round it like every other figure.
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
            INSERT INTO "SnapshotCouncilScores" ("SnapshotId", "CouncilId", "DimensionId", "Score", "Status", "SectorPercentile", "TypePercentile", "RegionPercentile")
            SELECT {snapshotId}, x."CouncilId", x."DimensionId", x."Score", x."Status",
                CASE WHEN x."Score" IS NULL THEN NULL ELSE
                    CAST(100 AS float) * ((RANK() OVER (PARTITION BY x."DimensionId", x."Scored" ORDER BY x."Score") - 1)
                        + CAST(0.5 AS float) * COUNT(*) OVER (PARTITION BY x."DimensionId", x."Score"))
                    / NULLIF(COUNT(x."Score") OVER (PARTITION BY x."DimensionId"), 0) END,
                CASE WHEN x."Score" IS NULL THEN NULL ELSE
                    CAST(100 AS float) * ((RANK() OVER (PARTITION BY x."DimensionId", x."TypeCode", x."Scored" ORDER BY x."Score") - 1)
                        + CAST(0.5 AS float) * COUNT(*) OVER (PARTITION BY x."DimensionId", x."TypeCode", x."Score"))
                    / NULLIF(COUNT(x."Score") OVER (PARTITION BY x."DimensionId", x."TypeCode"), 0) END,
                CASE WHEN x."Score" IS NULL THEN NULL ELSE
                    CAST(100 AS float) * ((RANK() OVER (PARTITION BY x."DimensionId", x."RegionCode", x."Scored" ORDER BY x."Score") - 1)
                        + CAST(0.5 AS float) * COUNT(*) OVER (PARTITION BY x."DimensionId", x."RegionCode", x."Score"))
                    / NULLIF(COUNT(x."Score") OVER (PARTITION BY x."DimensionId", x."RegionCode"), 0) END
            FROM (
                SELECT r."CouncilId", {overall} AS "DimensionId", r."OverallScore" AS "Score",
                    CASE WHEN r."OverallScore" IS NULL THEN 'insufficient' ELSE 'scored' END AS "Status",
                    CASE WHEN r."OverallScore" IS NULL THEN 0 ELSE 1 END AS "Scored", c."TypeCode", c."RegionCode"
                FROM "Returns" AS r
                INNER JOIN "Councils" AS c ON c."Id" = r."CouncilId"
                WHERE r."RoundId" = {roundId} AND r."Status" = {submitted}
                UNION ALL
                SELECT r."CouncilId", s."DimensionId", s."Score", s."Status",
                    CASE WHEN s."Score" IS NULL THEN 0 ELSE 1 END, c."TypeCode", c."RegionCode"
                FROM "ReturnScores" AS s
                INNER JOIN "Returns" AS r ON r."Id" = s."ReturnId"
                INNER JOIN "Councils" AS c ON c."Id" = r."CouncilId"
                WHERE r."RoundId" = {roundId} AND r."Status" = {submitted} AND s."DimensionId" <> {overall}
            ) AS x
            """,
            cancellationToken);
    }
}
