using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Aggregation;

/// <summary>
/// Answers the survey no longer asks for are counted nowhere (issue 20, item 2): a return answers B1
/// "Piloting" and section C, then changes B1 to "Not using AI" (which hides section C and B4) and submits.
/// Its section C answers stay stored, but aggregation keeps only the answers that apply.
/// </summary>
[Trait("Category", "Slow")]
public sealed class HiddenAnswersTests : IDisposable
{
    private const int Councils = 7;

    private readonly TestDatabase _database = new();

    [Fact]
    public async Task A_return_that_changed_its_routing_answer_is_not_counted_in_the_questions_it_now_skips()
    {
        // Seven councils: at threshold 5 the protection withholds C1's base (6 of 7 leaves one council that is
        // not piloting, 0 to 1), so the published figures are checked at threshold 2, where 0 to 1 is safe.
        await using var services = await CoreServices.StartAsync(_database, s => s.Configure<AggregationOptions>(o => o.SuppressionThreshold = 2));
        var roundId = await Rounds.OpenAsync(services.Services);
        var switched = await SubmitAsync(services, roundId);
        await using (var before = services.CreateScope())
        {
            // The save side keeps hidden answers out of the submission record...
            var db0 = before.ServiceProvider.GetRequiredService<ReadinessDbContext>();
            var written = AnswerSet.FromJson(await LatestRecordAsync(db0, switched));
            Assert.Null(written.Get("C1"));
            Assert.Null(written.Get("B4"));

            // ...and aggregation must not count them even where a record holds them (one written before that
            // rule, or by hand): put the stored, now hidden, answers back into the record.
            var hidden = await db0.Answers.Where(a => a.ReturnId == switched && (a.QuestionId == "C1" || a.QuestionId == "B4")).ToListAsync();
            Assert.Equal(2, hidden.Count);
            var latest = await db0.SubmissionEvents.Where(e => e.ReturnId == switched && e.Kind == SubmissionEventKind.Submitted)
                .OrderByDescending(e => e.Id).FirstAsync();
            latest.AnswersJson = hidden.Aggregate(written, (set, a) => set.With(a.QuestionId, AnswerValue.FromJson(a.ValueJson)!)).ToJson();
            await db0.SaveChangesAsync();
        }

        await services.WithAsync(sp => sp.GetRequiredService<RoundAggregator>().AggregateAsync(roundId));

        await using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadinessDbContext>();
        // The switched return's record still holds its section C answers (and a B4 it was never shown)...
        var record = AnswerSet.FromJson(await LatestRecordAsync(db, switched));
        Assert.Equal("no_use", Assert.Single(record.Get("B1")!.Options!));
        Assert.NotNull(record.Get("C1"));
        Assert.NotNull(record.Get("B4"));

        // ...but only the six councils still piloting are in C1's and B4's base, internally and published.
        var reader = new SnapshotReader(db);
        var content = (await reader.GetCurrentContentAsync(roundId))!;
        var published = (await reader.GetLatestPublishedAsync(roundId))!;
        Assert.Equal(Councils - 1, Sector(content, "C1").Base);
        Assert.Equal(Councils - 1, Sector(content, "B4").Numbers!.N);
        Assert.Equal(Councils - 1, Sector(published, "C1").Base);
        Assert.Equal(Councils, Sector(content, "B1").Base);

        // The published view agrees with a count made by hand from the submission records: section C is
        // asked when B1 scores 2 or more (piloting, live_some, live_many), so C1 counts only those returns.
        var expected = await CountByHandAsync(db, roundId);
        Assert.Equal(expected.Base, Sector(published, "C1").Base);
        foreach (var option in Sector(content, "C1").Options)
        {
            Assert.Equal(expected.Ticks.GetValueOrDefault(option.Value), option.Count);
        }
    }

    /// <summary>Seven councils answer B1 "Piloting" and every question then shown; the first then switches to "Not using AI". All submit.</summary>
    private static async Task<int> SubmitAsync(CoreServices services, int roundId)
    {
        await using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ReadinessDbContext>();
        var definition = SurveyAnswers.Default;
        var councils = await db.Councils.AsNoTracking().Where(c => c.TypeCode == "E07").OrderBy(c => c.Code).Take(Councils).ToListAsync();
        int? switched = null;
        foreach (var council in councils)
        {
            var issued = await sp.GetRequiredService<InvitationService>().CreateAsync(
                new InvitationRequest(roundId, council.Code, "Respondent", $"r@{council.Code.ToLowerInvariant()}.example.gov.uk", "Digital lead"), "test");
            var contributor = await sp.GetRequiredService<ReturnService>().EnsureContributorAsync(issued.Invitation);
            var profile = ReturnWorkspace.ProfileOf(council);
            var piloting = SurveyAnswers.Complete(definition, profile, q => q.Id == "B1" ? AnswerValue.Choice("piloting") : null);
            await SaveAsync(sp, contributor, piloting.Select(a => new AnswerChange(a.Key, a.Value, 0)).ToList());

            if (switched is null)
            {
                // Back to B1 with "Not using AI", answering what that shows (B3); the section C answers stay stored.
                var workspace = await sp.GetRequiredService<ReturnService>().LoadAsync(contributor.ReturnId);
                var noUse = SurveyAnswers.Complete(definition, profile, q => q.Id == "B1" ? AnswerValue.Choice("no_use") : null);
                var changes = noUse.Where(a => !a.Value.Equals(workspace.Answers.Get(a.Key)))
                    .Select(a => new AnswerChange(a.Key, a.Value, workspace.VersionOf(a.Key))).ToList();
                await SaveAsync(sp, contributor, changes);
                switched = contributor.ReturnId;
            }

            var submitted = await sp.GetRequiredService<SubmissionService>().SubmitAsync(contributor.ReturnId, contributor.Id);
            Assert.True(submitted.Submitted, string.Join("; ", submitted.Errors.Select(e => $"{e.QuestionId}: {e.Message}")));
            db.ChangeTracker.Clear();
        }

        return switched!.Value;
    }

    private static async Task SaveAsync(IServiceProvider sp, Contributor contributor, List<AnswerChange> changes)
    {
        var saved = await sp.GetRequiredService<ReturnService>().SaveAsync(contributor.ReturnId, contributor.Id, changes);
        Assert.Equal(SaveStatus.Saved, saved.Status);
    }

    private static Task<string> LatestRecordAsync(ReadinessDbContext db, int returnId) =>
        db.SubmissionEvents.Where(e => e.ReturnId == returnId && e.Kind == SubmissionEventKind.Submitted)
            .OrderByDescending(e => e.Id).Select(e => e.AnswersJson!).FirstAsync();

    /// <summary>C1's base and ticks from the raw submission records, with the survey's rule for section C written out by hand.</summary>
    private static async Task<(int Base, Dictionary<string, int> Ticks)> CountByHandAsync(ReadinessDbContext db, int roundId)
    {
        string[] asked = ["piloting", "live_some", "live_many"];
        var records = await db.Returns.Where(r => r.RoundId == roundId && r.Status == ReturnStatus.Submitted)
            .Select(r => r.History.Where(e => e.Kind == SubmissionEventKind.Submitted).OrderByDescending(e => e.Id).Select(e => e.AnswersJson!).First())
            .ToListAsync();
        var (count, ticks) = (0, new Dictionary<string, int>(StringComparer.Ordinal));
        foreach (var answers in records.Select(AnswerSet.FromJson))
        {
            if (!asked.Contains(answers.Get("B1")?.Options?.Single()) || answers.Get("C1")?.Options is not { Count: > 0 } options)
            {
                continue;
            }

            count++;
            foreach (var option in options)
            {
                ticks[option] = ticks.GetValueOrDefault(option) + 1;
            }
        }

        return (count, ticks);
    }

    private static QuestionGroup Sector(SnapshotContent content, string questionId) =>
        content.Questions.Single(q => q.QuestionId == questionId).Groups.Single(g => g.Breakdown == Breakdowns.Sector);

    public void Dispose() => _database.Dispose();
}
