using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Demo;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Demo;

/// <summary>Two hundred councils seeded once; the proportions are checked against the published 2025 figures, loosely.</summary>
public sealed class DemoSeedFixture : IAsyncLifetime
{
    public const int Councils = 200;

    public TestDatabase Database { get; } = new();

    public int RoundId { get; private set; }

    public DemoSeedResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using var services = await CoreServices.StartAsync(Database);
        RoundId = await Rounds.OpenAsync(services.Services);
        Result = await services.WithAsync(sp => sp.GetRequiredService<DemoReturns>().SeedAsync(RoundId, Councils, seed: 2025));
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

[Trait("Category", "Database")]
public sealed class DemoReturnsTests(DemoSeedFixture fixture) : IClassFixture<DemoSeedFixture>
{
    [Fact]
    public async Task Every_chosen_council_gets_a_submitted_scored_return_through_a_demo_invitation()
    {
        await using var db = fixture.Database.CreateContext();

        Assert.Equal(DemoSeedFixture.Councils, fixture.Result.Submitted);
        Assert.Equal(339 - DemoSeedFixture.Councils, fixture.Result.CouncilsLeft);
        Assert.Equal(DemoSeedFixture.Councils, await db.Returns.CountAsync(r => r.Status == ReturnStatus.Submitted && r.MaturityLevel != null));
        Assert.Equal(DemoSeedFixture.Councils, await db.Invitations.CountAsync(i => i.Role == "Demo data"));
        Assert.Equal(DemoSeedFixture.Councils, await db.SubmissionEvents.CountAsync(e => e.Kind == SubmissionEventKind.Submitted));
    }

    [Fact]
    public async Task Every_return_passes_submission_validation_with_answers_only_to_visible_questions()
    {
        await using var services = await CoreServices.StartAsync(fixture.Database);
        await using var scope = services.CreateScope();
        var returns = scope.ServiceProvider.GetRequiredService<ReturnService>();
        await using var db = fixture.Database.CreateContext();

        // Seen as the demo respondent who submitted it: their own role (A2) is part of what they checked.
        foreach (var (id, contributorId) in (await db.Contributors.Select(c => new { c.ReturnId, c.Id }).ToListAsync()).Select(c => (c.ReturnId, c.Id)))
        {
            var workspace = await returns.LoadAsync(id, contributorId);
            Assert.Empty(AnswerValidator.Validate(workspace.Definition, workspace.Profile, workspace.Answers, AnswerValidationMode.Submission));
            var visibility = DisplayLogic.Evaluate(workspace.Definition, workspace.Profile, workspace.Answers);
            Assert.All(workspace.Answers.Keys, q => Assert.True(visibility.IsQuestionVisible(q), $"{q} is answered but hidden"));
        }
    }

    [Fact]
    public async Task Proportions_roughly_follow_the_published_figures()
    {
        await using var db = fixture.Database.CreateContext();
        double n = DemoSeedFixture.Councils;
        var answers = await AnswersAsync(db);
        var status = answers.Where(a => a.QuestionId == "B1").GroupBy(a => a.Value.Options!.Single()).ToDictionary(g => g.Key, g => g.Count());
        int Ticks(string question, string value) => answers.Count(a => a.QuestionId == question && (a.Value.Options ?? []).Contains(value));
        Task<double> Share(string question, string value) => Task.FromResult(Ticks(question, value) / n);

        // 11% not using AI, half of those exploring.
        Assert.InRange((status.GetValueOrDefault("no_use") + status.GetValueOrDefault("exploring")) / n, 0.04, 0.20);
        Assert.InRange(await Share("B2", "generative"), 0.70, 0.95);       // more than 4 in 5
        Assert.InRange(await Share("B2", "simulation"), 0.01, 0.15);       // 1 in 14
        Assert.InRange(await Share("I1", "funding"), 0.45, 0.75);          // about 3 in 5
        Assert.InRange(await Share("C3", "productivity"), 0.20, 0.47);     // about a third
        Assert.InRange(await Share("C3", "cash_savings"), 0.10, 0.32);     // about 1 in 5

        string[] backOffice = ["hr", "finance", "procurement", "legal_democratic", "it_cyber"];
        var withBackOffice = answers.Count(a => a.QuestionId == "C1" && (a.Value.Options ?? []).Intersect(backOffice).Any());
        Assert.InRange(withBackOffice / n, 0.70, 0.95);                  // over 4 in 5

        // Adult social care: among councils that run it (not shire districts).
        var careCouncils = await db.Returns.CountAsync(r => r.Council!.TypeCode != "E07");
        var adultCare = Ticks("C1", "adult_social_care");
        Assert.InRange(adultCare / (double)careCouncils, 0.30, 0.62);      // over 2 in 5
    }

    private static async Task<List<(string QuestionId, AnswerValue Value)>> AnswersAsync(ReadinessSurvey.Data.ReadinessDbContext db) =>
        [.. (await db.Answers.Select(a => new { a.QuestionId, a.ValueJson }).ToListAsync())
            .Select(a => (a.QuestionId, AnswerValue.FromJson(a.ValueJson)!))];

    [Fact]
    public async Task A_latent_maturity_makes_answers_agree_with_each_other()
    {
        await using var db = fixture.Database.CreateContext();
        var rows = (await db.Answers.Where(a => a.QuestionId == "B1")
                .Select(a => new { a.ValueJson, a.Return!.OverallScore })
                .ToListAsync())
            .Select(a => new { Choice = AnswerValue.FromJson(a.ValueJson)!.Options!.Single(), a.OverallScore })
            .ToList();
        var live = rows.Where(r => r.Choice is "live_some" or "live_many").Average(r => r.OverallScore ?? 0);
        var early = rows.Where(r => r.Choice is "no_use" or "exploring" or "piloting").Average(r => r.OverallScore ?? 0);

        Assert.True(live > early + 5, $"Councils with live AI score {live:F1} on average; earlier ones {early:F1}.");
    }
}

public sealed class DemoReturnsDeterminismTests
{
    [Fact]
    public async Task The_same_seed_gives_the_same_councils_and_answers_and_another_seed_does_not()
    {
        var first = await SeedAsync(seed: 42);
        var second = await SeedAsync(seed: 42);
        var other = await SeedAsync(seed: 43);

        Assert.Equal(5, first.Select(a => a.Council).Distinct().Count());
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    private static async Task<List<(string Council, string Question, string Value)>> SeedAsync(int seed)
    {
        using var database = new TestDatabase();
        await using var services = await CoreServices.StartAsync(database);
        var roundId = await Rounds.OpenAsync(services.Services);
        await services.WithAsync(sp => sp.GetRequiredService<DemoReturns>().SeedAsync(roundId, 5, seed));

        await using var db = database.CreateContext();
        var rows = await db.Answers.Select(a => new { a.Return!.Council!.Code, a.QuestionId, a.ValueJson }).ToListAsync();
        return [.. rows.Select(r => (r.Code, r.QuestionId, r.ValueJson)).OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.QuestionId, StringComparer.Ordinal)];
    }
}
