using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Adds a snapshot's per-council rows inside the run's transaction: each submitted council with its
/// dimension scores (in dimension-id order) and then its overall score.
/// </summary>
internal static class SnapshotCouncilWriter
{
    public static async Task WriteAsync(ReadinessDbContext db, long snapshotId, int roundId, CancellationToken cancellationToken)
    {
        var rows = await db.Returns.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Status == ReturnStatus.Submitted)
            .Select(r => new
            {
                r.CouncilId,
                r.Council!.Code,
                r.Council.Name,
                r.Council.TypeCode,
                r.Council.RegionCode,
                r.Council.Tier,
                r.OverallScore,
                r.MaturityLevel,
                Scores = r.Scores.Where(s => s.DimensionId != ReturnScore.Overall).OrderBy(s => s.DimensionId)
                    .Select(s => new SnapshotCouncilScore { DimensionId = s.DimensionId, Score = s.Score, Status = s.Status }).ToList(),
            })
            .ToListAsync(cancellationToken);
        foreach (var r in rows)
        {
            var overall = new SnapshotCouncilScore
            {
                DimensionId = ReturnScore.Overall,
                Score = r.OverallScore,
                Status = r.OverallScore is null ? "insufficient" : "scored",
            };
            db.SnapshotCouncils.Add(new SnapshotCouncil
            {
                SnapshotId = snapshotId,
                CouncilId = r.CouncilId,
                Code = r.Code,
                Name = r.Name,
                TypeCode = r.TypeCode,
                RegionCode = r.RegionCode,
                Tier = r.Tier,
                OverallScore = r.OverallScore,
                MaturityLevel = r.MaturityLevel,
                Scores = [.. r.Scores, overall],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
