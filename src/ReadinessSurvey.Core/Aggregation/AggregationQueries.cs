using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// The database side of an aggregation run. Counting happens in the database: each query joins its rows
/// to the submitted returns and their councils and groups by the finest cell (maturity level, type,
/// region, tier) that every breakdown is a sum of, so one query serves every breakdown and returns at most
/// a few thousand rows however many councils answer. Numbers and scores are grouped by value too, so
/// medians and quartiles come from (value, count) pairs rather than one row per answer.
/// </summary>
/// <remarks>
/// Note: SQLite groups by sorting. Putting the cell's columns first in each GROUP BY (rows of one return
/// share them) measured about a third faster than question first, and folding the multiple-choice base
/// into the choice query saves a second pass over the answers; each pass over the answers costs about as
/// much as the whole hand-written GROUP BY the benchmark compares with.
/// </remarks>
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

    /// <summary>
    /// One pass over the answers, per finest cell: councils choosing each option of single-choice, yes/no
    /// and Likert questions (<paramref name="choiceIds"/>), and councils answering each multiple-choice
    /// question (<paramref name="baseIds"/>; their rows, whatever their Value, add up to the question's base).
    /// An answer whose JSON is null, empty or an empty list is not an answer.
    /// </summary>
    public static IQueryable<CellCount> ChoiceCounts(
        ReadinessDbContext db, int roundId, IReadOnlyCollection<string> choiceIds, IReadOnlyCollection<string> baseIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from a in db.Answers
               join s in Submitted(db, roundId) on a.ReturnId equals s.ReturnId
               where (a.Choice != null && choiceIds.Contains(a.QuestionId))
                     || (baseIds.Contains(a.QuestionId) && a.ValueJson != "null" && a.ValueJson != "" && a.ValueJson != "[]")
               group a by new { s.MaturityLevel, s.TypeCode, s.RegionCode, s.Tier, a.QuestionId, a.Choice } into g
               select new CellCount(g.Key.QuestionId, g.Key.Choice, g.Key.TypeCode, g.Key.RegionCode, g.Key.Tier, g.Key.MaturityLevel, g.Count());
    }

    /// <summary>Councils ticking each option of multiple-choice questions, per finest cell.</summary>
    public static IQueryable<CellCount> SelectionCounts(ReadinessDbContext db, int roundId, IReadOnlyCollection<string> questionIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from x in db.AnswerSelections
               join s in Submitted(db, roundId) on x.ReturnId equals s.ReturnId
               where questionIds.Contains(x.QuestionId)
               group x.ReturnId by new { s.MaturityLevel, s.TypeCode, s.RegionCode, s.Tier, x.QuestionId, x.Value } into g
               select new CellCount(g.Key.QuestionId, g.Key.Value, g.Key.TypeCode, g.Key.RegionCode, g.Key.Tier, g.Key.MaturityLevel, g.Distinct().Count());
    }

    /// <summary>How many councils gave each value to each number question, per finest cell.</summary>
    public static IQueryable<ValueCount> NumberCounts(ReadinessDbContext db, int roundId, IReadOnlyCollection<string> questionIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from a in db.Answers
               join s in Submitted(db, roundId) on a.ReturnId equals s.ReturnId
               where a.Number != null && questionIds.Contains(a.QuestionId)
               group a by new { s.MaturityLevel, s.TypeCode, s.RegionCode, s.Tier, a.QuestionId, a.Number } into g
               select new ValueCount(g.Key.QuestionId, g.Key.Number, g.Key.TypeCode, g.Key.RegionCode, g.Key.Tier, g.Key.MaturityLevel, g.Count());
    }

    /// <summary>
    /// How many councils have each score (null: insufficient data or dropped) on each dimension, per finest
    /// cell; not the overall score, which is on the return (see <see cref="SubmittedCounts"/>).
    /// </summary>
    public static IQueryable<ValueCount> ScoreCounts(ReadinessDbContext db, int roundId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from x in db.ReturnScores
               join s in Submitted(db, roundId) on x.ReturnId equals s.ReturnId
               where x.DimensionId != ReturnScore.Overall
               group x by new { s.MaturityLevel, s.TypeCode, s.RegionCode, s.Tier, x.DimensionId, x.Score } into g
               select new ValueCount(g.Key.DimensionId, g.Key.Score, g.Key.TypeCode, g.Key.RegionCode, g.Key.Tier, g.Key.MaturityLevel, g.Count());
    }

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
        var types = await db.Councils.GroupBy(c => c.TypeCode)
            .Select(g => new GroupInfo(Breakdowns.Type, g.Key, g.Min(c => c.TypeName)!)).ToListAsync(cancellationToken);
        var regions = await db.Councils.GroupBy(c => c.RegionCode)
            .Select(g => new GroupInfo(Breakdowns.Region, g.Key, g.Min(c => c.RegionName)!)).ToListAsync(cancellationToken);
        var tiers = await db.Councils.Select(c => c.Tier).Distinct().ToListAsync(cancellationToken);
        return [.. types, .. regions, .. tiers.Select(t => new GroupInfo(Breakdowns.Tier, t, t))];
    }

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

/// <summary>
/// A count in the finest cell: question, value, type, region, tier and maturity level. Value is null
/// only on base rows of a multiple-choice question (an answer with no "don't know").
/// </summary>
public sealed record CellCount(string QuestionId, string? Value, string TypeCode, string RegionCode, string Tier, int? MaturityLevel, int Count);

/// <summary>How many councils in the finest cell have a value (a number or a score; null: none) for a question or dimension.</summary>
public sealed record ValueCount(string Id, double? Value, string TypeCode, string RegionCode, string Tier, int? MaturityLevel, int Count);

/// <summary>A count of councils per type, region and tier.</summary>
public sealed record GroupCount(string TypeCode, string RegionCode, string Tier, int Count);

/// <summary>A council without a submitted return; Status is null when it has no return at all.</summary>
public sealed record CouncilStatusRow(string Code, string Name, string TypeCode, string RegionCode, bool Invited, ReturnStatus? Status);

public sealed record ReturnVersion(int ReturnId, int CouncilId, int Version);
