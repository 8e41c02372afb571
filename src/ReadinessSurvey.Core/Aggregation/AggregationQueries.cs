using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// The database side of an aggregation run, apart from the answer and score counts (<see cref="AnswerCounts"/>):
/// the register's groups, response counts, and the submitted councils per finest cell (maturity level,
/// type, region, tier) and overall score, which the suppression and the maturity tables work on.
/// </summary>
public static class AggregationQueries
{
    // Member initialisation, not a constructor: EF can only see through the former to group and join on its parts.
    private static IQueryable<SubmittedRow> Submitted(ReadinessDbContext db, int roundId) =>
        from r in db.Returns
        join c in db.Councils on r.CouncilId equals c.Id
        where r.RoundId == roundId && r.Status == ReturnStatus.Submitted
        select new SubmittedRow
        {
            ReturnId = r.Id,
            CouncilId = c.Id,
            TypeCode = c.TypeCode,
            RegionCode = c.RegionCode,
            Tier = c.Tier,
            MaturityLevel = r.MaturityLevel,
            OverallScore = r.OverallScore,
        };

    /// <summary>Councils with a submitted return, per finest cell and overall score (null when insufficient).</summary>
    public static IQueryable<ValueCount> SubmittedCounts(ReadinessDbContext db, int roundId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Submitted(db, roundId)
            .GroupBy(s => new { s.MaturityLevel, s.TypeCode, s.RegionCode, s.Tier, s.OverallScore })
            .Select(g => new ValueCount(ReturnScore.Overall, g.Key.OverallScore, g.Key.TypeCode, g.Key.RegionCode, g.Key.Tier, g.Key.MaturityLevel, g.Count()));
    }

    /// <summary>Councils in the register, per type, region and tier.</summary>
    public static IQueryable<GroupCount> RegisteredCounts(ReadinessDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Councils
            .GroupBy(c => new { c.TypeCode, c.RegionCode, c.Tier })
            .Select(g => new GroupCount(g.Key.TypeCode, g.Key.RegionCode, g.Key.Tier, g.Count()));
    }

    /// <summary>Councils with at least one invitation for the round, per type, region and tier.</summary>
    public static IQueryable<GroupCount> InvitedCounts(ReadinessDbContext db, int roundId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Councils
            .Where(c => db.Invitations.Any(i => i.RoundId == roundId && i.CouncilId == c.Id))
            .GroupBy(c => new { c.TypeCode, c.RegionCode, c.Tier })
            .Select(g => new GroupCount(g.Key.TypeCode, g.Key.RegionCode, g.Key.Tier, g.Count()));
    }

    /// <summary>The council types, regions and tiers of the register, with their labels.</summary>
    public static async Task<List<GroupInfo>> RegisterGroupsAsync(ReadinessDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var typeNames = await db.Councils.GroupBy(c => new { c.TypeCode, c.TypeName })
            .Select(g => new TypeName(g.Key.TypeCode, g.Key.TypeName, g.Count())).ToListAsync(cancellationToken);
        var types = typeNames.GroupBy(t => t.Code).Select(g => new GroupInfo(Breakdowns.Type, g.Key, TypeLabel(g))).ToList();
        var regions = await db.Councils.GroupBy(c => c.RegionCode)
            .Select(g => new GroupInfo(Breakdowns.Region, g.Key, g.Min(c => c.RegionName)!)).ToListAsync(cancellationToken);
        var tiers = await db.Councils.Select(c => c.Tier).Distinct().ToListAsync(cancellationToken);
        return [.. types, .. regions, .. tiers.Select(t => new GroupInfo(Breakdowns.Tier, t, Councils.CouncilTiers.Label(t)))];
    }

    /// <summary>
    /// A type group's label: the register's council type (la_type_name) of most of its members, e.g.
    /// "London borough" for E09, never the alphabetically first; other types in the same GSS entity are
    /// named after it, e.g. "London borough (including City corporation)", so a pivot of the export by
    /// council type reconciles with it. Council names are never used: published labels name no council.
    /// </summary>
    private static string TypeLabel(IEnumerable<TypeName> names)
    {
        var ordered = names.OrderByDescending(t => t.Councils).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var others = ordered.Skip(1).Select(t => t.Name).ToList();
        return others.Count == 0 ? ordered[0].Name : $"{ordered[0].Name} (including {string.Join(" and ", others)})";
    }

    private sealed record TypeName(string Code, string Name, int Councils);

    /// <summary>Councils in the register without a submitted return for the round, with how far they got.</summary>
    public static IQueryable<CouncilStatusRow> NotSubmitted(ReadinessDbContext db, int roundId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from c in db.Councils
               where !db.Returns.Any(r => r.RoundId == roundId && r.CouncilId == c.Id && r.Status == ReturnStatus.Submitted)
               select new CouncilStatusRow(
                   c.Code,
                   c.Name,
                   c.TypeCode,
                   c.RegionCode,
                   db.Invitations.Any(i => i.RoundId == roundId && i.CouncilId == c.Id),
                   db.Returns.Where(r => r.RoundId == roundId && r.CouncilId == c.Id).Select(r => (ReturnStatus?)r.Status).FirstOrDefault());
    }

    /// <summary>The submitted returns' dimension scores (not the overall score, which is on the return), with their councils' groups.</summary>
    public static IQueryable<DimensionScoreRow> DimensionScores(ReadinessDbContext db, int roundId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from s in db.ReturnScores
               join r in Submitted(db, roundId) on s.ReturnId equals r.ReturnId
               where s.DimensionId != ReturnScore.Overall
               select new DimensionScoreRow(s.DimensionId, s.Score, r.TypeCode, r.RegionCode, r.Tier, r.MaturityLevel);
    }

    /// <summary>The submitted returns' ids, councils and versions: part of the input hash.</summary>
    public static IQueryable<ReturnVersion> SubmittedVersions(ReadinessDbContext db, int roundId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Returns.Where(r => r.RoundId == roundId && r.Status == ReturnStatus.Submitted)
            .OrderBy(r => r.Id)
            .Select(r => new ReturnVersion(r.Id, r.CouncilId, r.Version));
    }
}

/// <summary>A submitted return with its council's breakdown keys (inside queries only).</summary>
internal sealed class SubmittedRow
{
    public int ReturnId { get; init; }

    public int CouncilId { get; init; }

    public required string TypeCode { get; init; }

    public required string RegionCode { get; init; }

    public required string Tier { get; init; }

    public int? MaturityLevel { get; init; }

    public double? OverallScore { get; init; }
}

/// <summary>How many councils in the finest cell have a value (a number or a score; null: none) for a question or dimension.</summary>
public sealed record ValueCount(string Id, double? Value, string TypeCode, string RegionCode, string Tier, int? MaturityLevel, int Count);

/// <summary>A count of councils per type, region and tier.</summary>
public sealed record GroupCount(string TypeCode, string RegionCode, string Tier, int Count);

/// <summary>A council without a submitted return; Status is null when it has no return at all.</summary>
public sealed record CouncilStatusRow(string Code, string Name, string TypeCode, string RegionCode, bool Invited, ReturnStatus? Status);

/// <summary>A submitted return's score on one dimension, with its council's groups.</summary>
public sealed record DimensionScoreRow(string DimensionId, double? Score, string TypeCode, string RegionCode, string Tier, int? MaturityLevel);

public sealed record ReturnVersion(int ReturnId, int CouncilId, int Version);
