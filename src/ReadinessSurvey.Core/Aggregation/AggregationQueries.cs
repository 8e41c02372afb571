using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// The database side of an aggregation run. Counting happens in the database: each count query joins
/// answers to returns and councils and groups by (question, value, type, region, tier, maturity level),
/// the finest cell every breakdown is a sum of, so one query serves every breakdown and returns at most
/// a few thousand rows however many councils answer. Only the numbers behind medians and quartiles
/// (one double per answer or score) are read row by row.
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
        };

    /// <summary>Councils choosing each option of single-choice, yes/no and Likert questions, per finest cell.</summary>
    public static IQueryable<CellCount> ChoiceCounts(ReadinessDbContext db, int roundId, IReadOnlyCollection<string> questionIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from a in db.Answers
               join s in Submitted(db, roundId) on a.ReturnId equals s.ReturnId
               where a.Choice != null && questionIds.Contains(a.QuestionId)
               group a by new { a.QuestionId, a.Choice, s.TypeCode, s.RegionCode, s.Tier, s.MaturityLevel } into g
               select new CellCount(g.Key.QuestionId, g.Key.Choice!, g.Key.TypeCode, g.Key.RegionCode, g.Key.Tier, g.Key.MaturityLevel, g.Count());
    }

    /// <summary>Councils ticking each option of multiple-choice questions, per finest cell.</summary>
    public static IQueryable<CellCount> SelectionCounts(ReadinessDbContext db, int roundId, IReadOnlyCollection<string> questionIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from x in db.AnswerSelections
               join s in Submitted(db, roundId) on x.ReturnId equals s.ReturnId
               where questionIds.Contains(x.QuestionId)
               group x.ReturnId by new { x.QuestionId, x.Value, s.TypeCode, s.RegionCode, s.Tier, s.MaturityLevel } into g
               select new CellCount(g.Key.QuestionId, g.Key.Value, g.Key.TypeCode, g.Key.RegionCode, g.Key.Tier, g.Key.MaturityLevel, g.Distinct().Count());
    }

    /// <summary>
    /// Councils answering each question (the base), per finest cell, with Value "base". An answer whose
    /// JSON is null, empty or an empty list is not an answer.
    /// </summary>
    public static IQueryable<CellCount> AnsweredCounts(ReadinessDbContext db, int roundId, IReadOnlyCollection<string> questionIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from a in db.Answers
               join s in Submitted(db, roundId) on a.ReturnId equals s.ReturnId
               where questionIds.Contains(a.QuestionId) && a.ValueJson != "null" && a.ValueJson != "" && a.ValueJson != "[]"
               group a by new { a.QuestionId, s.TypeCode, s.RegionCode, s.Tier, s.MaturityLevel } into g
               select new CellCount(g.Key.QuestionId, "base", g.Key.TypeCode, g.Key.RegionCode, g.Key.Tier, g.Key.MaturityLevel, g.Count());
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

    /// <summary>Councils with a submitted return for the round, per type, region and tier.</summary>
    public static IQueryable<GroupCount> SubmittedCounts(ReadinessDbContext db, int roundId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Submitted(db, roundId)
            .GroupBy(s => new { s.TypeCode, s.RegionCode, s.Tier })
            .Select(g => new GroupCount(g.Key.TypeCode, g.Key.RegionCode, g.Key.Tier, g.Count()));
    }

    /// <summary>Per submitted return, how many answers it has and the sum of their versions: part of the input hash.</summary>
    public static IQueryable<AnswerVersions> AnswerVersionsBySubmittedReturn(ReadinessDbContext db, int roundId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from a in db.Answers
               join s in Submitted(db, roundId) on a.ReturnId equals s.ReturnId
               group a.Version by a.ReturnId into g
               select new AnswerVersions(g.Key, g.Count(), g.Sum());
    }

    /// <summary>Answers to number questions from submitted returns: one double each.</summary>
    public static IQueryable<NumberValue> Numbers(ReadinessDbContext db, int roundId, IReadOnlyCollection<string> questionIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from a in db.Answers
               join s in Submitted(db, roundId) on a.ReturnId equals s.ReturnId
               where a.Number != null && questionIds.Contains(a.QuestionId)
               orderby a.QuestionId, a.Number
               select new NumberValue(a.QuestionId, s.CouncilId, a.Number!.Value);
    }

    /// <summary>Dimension scores of submitted returns (not the overall score, which is read from the return).</summary>
    public static IQueryable<ScoreValue> Scores(ReadinessDbContext db, int roundId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from x in db.ReturnScores
               join s in Submitted(db, roundId) on x.ReturnId equals s.ReturnId
               where x.DimensionId != ReturnScore.Overall
               select new ScoreValue(s.CouncilId, x.DimensionId, x.Score, x.Status);
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
}

/// <summary>A count in the finest cell: question, value, type, region, tier and maturity level.</summary>
public sealed record CellCount(string QuestionId, string Value, string TypeCode, string RegionCode, string Tier, int? MaturityLevel, int Count);

/// <summary>A count of councils per type, region and tier.</summary>
public sealed record GroupCount(string TypeCode, string RegionCode, string Tier, int Count);

public sealed record AnswerVersions(int ReturnId, int Count, int VersionSum);

public sealed record NumberValue(string QuestionId, int CouncilId, double Value);

public sealed record ScoreValue(int CouncilId, string DimensionId, double? Score, string Status);
