using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.TestSupport;

/// <summary>
/// Builds one council's return for a round (answers, multiple-choice ticks and scores) and inserts it
/// straight through the DbContext, so aggregation tests can lay out small fixed data sets.
/// </summary>
public sealed class ReturnBuilder(int roundId, int councilId)
{
    private static readonly DateTime At = new(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc);

    private readonly CouncilReturn _return = new()
    {
        RoundId = roundId,
        CouncilId = councilId,
        Status = ReturnStatus.Submitted,
        CreatedAt = At,
        UpdatedAt = At,
        SubmittedAt = At,
        Version = 1,
    };

    private readonly List<(string QuestionId, string[] Values)> _selections = [];

    // What the return was submitted with: aggregation reads a submitted return's answers from its submission record.
    private readonly Dictionary<string, AnswerValue> _submitted = new(StringComparer.Ordinal);

    public ReturnBuilder Status(ReturnStatus status)
    {
        _return.Status = status;
        _return.SubmittedAt = status == ReturnStatus.Submitted ? At : null;
        return this;
    }

    /// <summary>The overall score and maturity level, also stored as the "overall" score row.</summary>
    public ReturnBuilder Overall(double? score, int? level)
    {
        (_return.OverallScore, _return.MaturityLevel) = (score, level);
        return Score(ReturnScore.Overall, score, score is null ? "insufficient" : "scored");
    }

    public ReturnBuilder Score(string dimensionId, double? score, string status = "scored")
    {
        _return.Scores.Add(new ReturnScore { DimensionId = dimensionId, Score = score, Status = status });
        return this;
    }

    /// <summary>A single-choice, yes/no or Likert answer.</summary>
    public ReturnBuilder Choice(string questionId, string value)
    {
        _submitted[questionId] = value switch
        {
            AnswerStorage.DontKnowCode => AnswerValue.DontKnowAnswer,
            "yes" or "no" => AnswerValue.Of(value == "yes"),
            _ when int.TryParse(value, CultureInfo.InvariantCulture, out var point) => AnswerValue.Of(point),
            _ => AnswerValue.Choice(value),
        };
        return AddAnswer(questionId, JsonSerializer.Serialize(value), choice: value, number: null);
    }

    /// <summary>A multiple-choice answer with its ticks.</summary>
    public ReturnBuilder Selections(string questionId, params string[] values)
    {
        _selections.Add((questionId, values));
        _submitted[questionId] = AnswerValue.Choice(values);
        return AddAnswer(questionId, AnswerValue.Choice(values).ToJson(), choice: null, number: null, tickCount: values.Distinct().Count());
    }

    public ReturnBuilder Number(string questionId, double value)
    {
        _submitted[questionId] = AnswerValue.Of((decimal)value);
        return AddAnswer(questionId, value.ToString(CultureInfo.InvariantCulture), choice: null, number: value);
    }

    /// <summary>Adds the return, then its ticks (which carry the return's id), and saves.</summary>
    public async Task<CouncilReturn> SaveAsync(ReadinessDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_return.Status == ReturnStatus.Submitted)
        {
            _return.History.Add(new SubmissionEvent
            {
                Kind = SubmissionEventKind.Submitted,
                At = At,
                Actor = "Test respondent",
                AnswersJson = new AnswerSet(_submitted).ToJson(),
            });
        }

        db.Returns.Add(_return);
        await db.SaveChangesAsync();
        foreach (var (questionId, values) in _selections)
        {
            var answer = _return.Answers.Single(a => a.QuestionId == questionId);
            answer.Selections.AddRange(values.Select(v => new AnswerSelection { ReturnId = _return.Id, QuestionId = questionId, Value = v }));
        }

        await db.SaveChangesAsync();
        return _return;
    }

    private ReturnBuilder AddAnswer(string questionId, string json, string? choice, double? number, int? tickCount = null)
    {
        _return.Answers.Add(new Answer { QuestionId = questionId, ValueJson = json, Choice = choice, Number = number, TickCount = tickCount, Version = 1, UpdatedAt = At });
        return this;
    }
}

/// <summary>Rounds, councils and invitations for aggregation tests.</summary>
public static class SurveyData
{
    /// <summary>
    /// Submits a return again with changed answers, as reopening and submitting does: a new submission
    /// record (the source aggregation reads) and a new version.
    /// </summary>
    public static async Task ResubmitAsync(ReadinessDbContext db, int returnId, Func<AnswerSet, AnswerSet> change)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var councilReturn = await db.Returns.Include(r => r.History).SingleAsync(r => r.Id == returnId);
        var latest = councilReturn.History.Where(e => e.Kind == SubmissionEventKind.Submitted).OrderBy(e => e.Id).Last();
        councilReturn.History.Add(new SubmissionEvent
        {
            Kind = SubmissionEventKind.Submitted,
            At = At.AddDays(1),
            Actor = "Test respondent",
            AnswersJson = change(AnswerSet.FromJson(latest.AnswersJson!)).ToJson(),
        });
        councilReturn.Version++;
        await db.SaveChangesAsync();
    }

    private static readonly DateTime At = new(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc);

    public static async Task<int> AddRoundAsync(ReadinessDbContext db, string name = "AI readiness 2025")
    {
        ArgumentNullException.ThrowIfNull(db);
        var definition = new SurveyDefinitionVersion
        {
            SurveyId = "ai-readiness",
            Version = 1,
            Title = "AI readiness",
            Content = "{}",
            ContentHash = new string('0', 64),
            SourceFile = "surveys/ai-readiness.json",
            ImportedAt = At,
        };
        var round = new SurveyRound
        {
            Name = name,
            DefinitionVersion = definition,
            OpensAt = At,
            ClosesAt = At.AddMonths(2),
            Status = RoundStatus.Open,
            CreatedAt = At,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }

    public static Council Council(string code, string typeCode, string regionCode, string tier) => new()
    {
        Code = code,
        Name = $"Council {code}",
        OfficialName = $"Council {code}",
        TypeCode = typeCode,
        LaType = typeCode,
        TypeName = $"Type {typeCode}",
        Tier = tier,
        Nation = regionCode.StartsWith('W') ? "Wales" : "England",
        RegionCode = regionCode,
        RegionName = $"Region {regionCode}",
        ImportedAt = At,
    };

    public static void Invite(ReadinessDbContext db, int roundId, Council council)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(council);
        db.Invitations.Add(new Invitation
        {
            RoundId = roundId,
            Council = council,
            Name = "Digital lead",
            Email = $"digital@{council.Code.ToLowerInvariant()}.gov.uk",
            Role = "Digital lead",
            TokenHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(council.Code))),
            CreatedAt = At,
            ExpiresAt = At.AddMonths(3),
        });
    }
}
