using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Reporting;

/// <summary>
/// A small round for report tests: the real council register, a six-question definition, eleven
/// submitted returns in the South East (six E07, three E06, two E10: the E06 and E10 groups are under
/// the threshold of 5, so their published cells are suppressed), one return in progress, and a
/// current aggregate snapshot. Answers are stored the way the app stores them (AnswerStorage), with each
/// submitted return's submission record (its answers as submitted).
/// </summary>
public static class ReportRound
{
    public const string SouthEast = "E12000008";
    public const string Hostile = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public const string HostileOther = "+1+1";

    public const string DefinitionJson = """
    {
      "id": "report-test", "version": 1, "title": "AI readiness test survey",
      "sections": [
        { "id": "B", "title": "Adoption of AI", "questions": [
          { "id": "B1", "type": "singleChoice", "text": "Which best describes your use of AI?", "dimension": "adoption",
            "options": [ { "value": "none", "label": "Not using AI", "score": 0 }, { "value": "exploring", "label": "Exploring", "score": 1 },
                         { "value": "piloting", "label": "Piloting", "score": 2 }, { "value": "live", "label": "Live in services", "score": 4 } ] },
          { "id": "B2", "type": "multipleChoice", "text": "Which kinds of AI do you use?", "required": false,
            "options": [ { "value": "predictive", "label": "Predictive" }, { "value": "generative", "label": "Generative" }, { "value": "vision", "label": "Computer vision" } ],
            "other": { "label": "Other kind" } },
          { "id": "B3", "type": "number", "text": "How many AI tools are in use?", "min": 0, "max": 1000, "integer": true },
          { "id": "B4", "type": "longText", "text": "What is your most valuable use of AI?", "required": false, "maxLength": 1000 }
        ] },
        { "id": "E", "title": "Governance", "questions": [
          { "id": "E1", "type": "yesNo", "text": "Is a senior leader responsible for AI?", "dimension": "governance", "dontKnow": "Don't know" },
          { "id": "E2", "type": "likert", "text": "People review decisions that AI helps to make.", "dimension": "governance",
            "points": [ { "point": 1, "label": "Strongly disagree" }, { "point": 2, "label": "Disagree" }, { "point": 3, "label": "Neither" },
                        { "point": 4, "label": "Agree" }, { "point": 5, "label": "Strongly agree" } ], "dontKnow": "Don't know" }
        ] }
      ],
      "scoring": {
        "dimensions": [
          { "id": "adoption", "label": "Adoption", "weight": 50, "guidance": { "1": "Adoption advice 1.", "2": "Adoption advice 2.", "3": "Adoption advice 3.", "4": "Adoption advice 4.", "5": "Adoption advice 5." } },
          { "id": "governance", "label": "Governance", "weight": 50, "guidance": { "1": "Governance advice 1.", "2": "Governance advice 2.", "3": "Governance advice 3.", "4": "Governance advice 4.", "5": "Governance advice 5." } }
        ],
        "coverageThreshold": 0.6,
        "maturityLevels": [ { "level": 1, "label": "Nascent", "minScore": 0 }, { "level": 2, "label": "Exploring", "minScore": 20 },
                            { "level": 3, "label": "Developing", "minScore": 40 }, { "level": 4, "label": "Embedded", "minScore": 60 },
                            { "level": 5, "label": "Leading", "minScore": 80 } ],
        "skippedSection": "drop"
      }
    }
    """;

    public static readonly DateTimeOffset Now = new(2025, 3, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The codes of the submitted councils, in the order they were seeded.</summary>
    public sealed record Seeded(int RoundId, IReadOnlyList<string> Submitted, string InProgress, IReadOnlyList<string> SmallTypeCouncils);

    public static ServiceProvider Services(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(database)).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddReadinessCore(configuration, database.Folder);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        return services.BuildServiceProvider();
    }

    public static Dictionary<string, string?> Settings(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Settings();
    }

    public static SurveyDefinition Definition { get; } =
        SurveyDefinitionLoader.LoadText(DefinitionJson, "report-test.json") is { Definition: { } d } ? d
            : throw new InvalidOperationException("The report test definition does not load: " +
                string.Join("; ", SurveyDefinitionLoader.LoadText(DefinitionJson, "report-test.json").Errors));

    /// <summary>Aggregation's question shapes for a definition.</summary>
    public static IReadOnlyList<QuestionShape> Shapes(SurveyDefinition definition) => QuestionShapes.From(definition);

    public static async Task<Seeded> SeedAsync(TestDatabase database, bool aggregate = true)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContext();
        if (!await db.Councils.AnyAsync())
        {
            var imported = await new CouncilRegisterImporter(db, new FakeTimeProvider(Now)).ImportAsync(CouncilRegister.BundledFile);
            Assert.True(imported.Succeeded, string.Join("; ", imported.Errors));
        }

        var loaded = SurveyDefinitionLoader.LoadText(DefinitionJson, "report-test.json");
        var stored = await db.SurveyDefinitions.FirstOrDefaultAsync(d => d.SurveyId == "report-test") ?? new SurveyDefinitionVersion
        {
            SurveyId = "report-test", Version = 1, Title = "AI readiness test survey", Content = loaded.RawText,
            ContentHash = loaded.ContentHash, SourceFile = "report-test.json", ImportedAt = Now.UtcDateTime,
        };
        var round = new SurveyRound
        {
            Name = "Spring 2025 test", DefinitionVersion = stored, OpensAt = Now.UtcDateTime.AddDays(-30),
            ClosesAt = Now.UtcDateTime.AddDays(30), Status = RoundStatus.Open, CreatedAt = Now.UtcDateTime,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();

        var southEast = await db.Councils.Where(c => c.RegionCode == SouthEast).OrderBy(c => c.Code).ToListAsync();
        var chosen = southEast.Where(c => c.TypeCode == "E07").Take(7)
            .Concat(southEast.Where(c => c.TypeCode == "E06").Take(3))
            .Concat(southEast.Where(c => c.TypeCode == "E10").Take(2)).ToList();
        var inProgress = chosen[6];
        chosen.RemoveAt(6);

        var definition = Definition;
        for (var i = 0; i < chosen.Count; i++)
        {
            db.Returns.Add(Return(round.Id, chosen[i].Id, i, definition, ReturnStatus.Submitted));
        }

        db.Returns.Add(Return(round.Id, inProgress.Id, 99, definition, ReturnStatus.InProgress));
        await db.SaveChangesAsync();

        if (aggregate)
        {
            var runner = new AggregationRunner(db, new FakeTimeProvider(Now), Microsoft.Extensions.Options.Options.Create(new AggregationOptions()));
            await runner.RunAndProtectAsync(round.Id, Shapes(definition), definition);
        }

        return new Seeded(round.Id, chosen.Select(c => c.Code).ToList(), inProgress.Code,
            chosen.Where(c => c.TypeCode == "E06").Select(c => c.Code).ToList());
    }

    /// <summary>Council i's return: answers vary with i; council 0 types hostile text, council 1 a hostile "Other".</summary>
    private static CouncilReturn Return(int roundId, int councilId, int i, SurveyDefinition definition, ReturnStatus status)
    {
        var at = Now.UtcDateTime.AddDays(-1);
        var adoption = (i * 37 % 100) + 0.5;
        var governance = (i * 53 % 100) + 0.25;
        var overall = Math.Round((adoption + governance) / 2, 2);
        var r = new CouncilReturn
        {
            RoundId = roundId, CouncilId = councilId, Status = status, CreatedAt = at, UpdatedAt = at, Version = 1,
            SubmittedAt = status == ReturnStatus.Submitted ? at : null,
            OverallScore = status == ReturnStatus.Submitted ? overall : null,
            MaturityLevel = status == ReturnStatus.Submitted ? 1 + (int)(overall / 20) : null,
        };
        if (status == ReturnStatus.Submitted)
        {
            r.Scores.Add(new ReturnScore { DimensionId = ReturnScore.Overall, Score = overall, Status = "scored" });
            r.Scores.Add(new ReturnScore { DimensionId = "adoption", Score = adoption, Status = "scored" });
            r.Scores.Add(new ReturnScore { DimensionId = "governance", Score = governance, Status = "scored" });
        }

        string[] status1 = ["none", "exploring", "piloting", "live"];
        var values = new Dictionary<string, AnswerValue>
        {
            ["B1"] = AnswerValue.Choice(status1[i % 4]),
            ["B2"] = i == 1
                ? new AnswerValue { Options = ["generative"], Other = HostileOther }
                : AnswerValue.Choice(i % 3 == 0 ? ["predictive", "generative"] : ["generative"]),
            ["B3"] = AnswerValue.Of(i * 2),
            ["B4"] = AnswerValue.OfText(i == 0 ? Hostile : $"Use case of council {i}"),
            ["E1"] = i % 5 == 4 ? AnswerValue.DontKnowAnswer : AnswerValue.Of(i % 2 == 0),
            ["E2"] = i == 7 ? AnswerValue.DontKnowAnswer : AnswerValue.Of(1 + (i % 5)),
        };
        foreach (var (id, value) in values)
        {
            var answer = new Answer { QuestionId = id, ValueJson = "", Version = 1, UpdatedAt = at };
            AnswerStorage.Apply(answer, value);
            r.Answers.Add(answer);
        }

        if (status == ReturnStatus.Submitted)
        {
            // The submission record SubmissionService keeps: the answers as submitted (what the export reads).
            r.History.Add(new SubmissionEvent { Kind = SubmissionEventKind.Submitted, At = at, Actor = "Test respondent", AnswersJson = new AnswerSet(values).ToJson() });
        }

        return r;
    }
}
