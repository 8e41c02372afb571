using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Responses;

[Trait("Category", "Database")]
public sealed class ReturnServiceTests : IDisposable
{
    private readonly ReturnDesk _desk = new();

    [Fact]
    public async Task Save_stores_the_value_as_json_and_bumps_version()
    {
        var (returnId, alex, _) = await ArrangeAsync();
        await using var db = _desk.Database.CreateContext();

        var result = await Service(db).SaveAsync(returnId, alex,
        [
            new AnswerChange("B1", AnswerValue.Choice("piloting"), 0),
            new AnswerChange("A3", AnswerValue.Of(1200), 0),
            new AnswerChange("B2", AnswerValue.Choice("generative", "predictive"), 0),
        ]);

        Assert.Equal(SaveStatus.Saved, result.Status);
        await using var check = _desk.Database.CreateContext();
        var b1 = await check.Answers.SingleAsync(a => a.QuestionId == "B1");
        Assert.Equal(("piloting", 1, alex), (Chosen(b1), b1.Version, b1.UpdatedByContributorId));
        Assert.Equal(1200m, AnswerValue.FromJson((await check.Answers.SingleAsync(a => a.QuestionId == "A3")).ValueJson)!.Number);
        Assert.Equal(["generative", "predictive"], AnswerValue.FromJson((await check.Answers.SingleAsync(a => a.QuestionId == "B2")).ValueJson)!.Options!.Order(StringComparer.Ordinal));
        Assert.Equal(ReturnStatus.InProgress, (await check.Returns.SingleAsync()).Status);
    }

    [Fact]
    public async Task Save_based_on_a_stale_version_is_refused_whole_and_reports_the_current_value()
    {
        var (returnId, alex, sam) = await ArrangeAsync();
        await using (var db = _desk.Database.CreateContext())
        {
            await Service(db).SaveAsync(returnId, alex, [new AnswerChange("B1", AnswerValue.Choice("piloting"), 0)]);
        }

        await using (var db = _desk.Database.CreateContext())
        {
            // Sam saw the page before Alex saved: both answers are based on version 0.
            var result = await Service(db).SaveAsync(returnId, sam,
            [
                new AnswerChange("B1", AnswerValue.Choice("live_many"), 0),
                new AnswerChange("B5", AnswerValue.Choice("guidance"), 0),
            ]);

            Assert.Equal(SaveStatus.Conflict, result.Status);
            var conflict = Assert.Single(result.Conflicts);
            Assert.Equal(("B1", 1, "Alex Smith"), (conflict.QuestionId, conflict.CurrentVersion, conflict.ChangedBy));
            Assert.Equal(AnswerValue.Choice("piloting"), conflict.Current);
        }

        await using var check = _desk.Database.CreateContext();
        Assert.Equal("piloting", Chosen(await check.Answers.SingleAsync(a => a.QuestionId == "B1")));
        Assert.False(await check.Answers.AnyAsync(a => a.QuestionId == "B5"));
    }

    [Fact]
    public async Task Save_based_on_the_current_version_overwrites()
    {
        var (returnId, alex, sam) = await ArrangeAsync();
        await using (var db = _desk.Database.CreateContext())
        {
            await Service(db).SaveAsync(returnId, alex, [new AnswerChange("B1", AnswerValue.Choice("piloting"), 0)]);
        }

        await using (var db = _desk.Database.CreateContext())
        {
            var result = await Service(db).SaveAsync(returnId, sam, [new AnswerChange("B1", AnswerValue.Choice("live_many"), 1)]);
            Assert.Equal(SaveStatus.Saved, result.Status);
        }

        await using var check = _desk.Database.CreateContext();
        var b1 = await check.Answers.SingleAsync(a => a.QuestionId == "B1");
        Assert.Equal(("live_many", 2, sam), (Chosen(b1), b1.Version, b1.UpdatedByContributorId));
    }

    [Theory]
    [InlineData("B1", "{\"o\":[\"not-an-option\"]}")]
    [InlineData("B1", "{\"o\":[\"piloting\",\"exploring\"]}")]
    [InlineData("A3", "{\"n\":-5}")]
    [InlineData("A3", "{\"n\":12.5}")]
    [InlineData("ZZ9", "{\"t\":\"no such question\"}")]
    [InlineData("A1", "{\"t\":\"the council comes from the register\"}")]
    public async Task Save_of_an_invalid_answer_changes_nothing(string questionId, string json)
    {
        var (returnId, alex, _) = await ArrangeAsync();
        await using var db = _desk.Database.CreateContext();

        var result = await Service(db).SaveAsync(returnId, alex,
        [
            new AnswerChange("A2", AnswerValue.Choice("digital_lead"), 0),
            new AnswerChange(questionId, AnswerValue.FromJson(json), 0),
        ]);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.QuestionId == questionId);
        await using var check = _desk.Database.CreateContext();
        Assert.Equal(0, await check.Answers.CountAsync());
    }

    [Fact]
    public async Task Save_of_text_longer_than_allowed_changes_nothing()
    {
        var (returnId, alex, _) = await ArrangeAsync();
        var longText = SurveyAnswers.Default.Questions.First(q => q.Type == QuestionType.LongText && q.MaxLength is not null);
        await using var db = _desk.Database.CreateContext();

        var result = await Service(db).SaveAsync(returnId, alex,
            [new AnswerChange("B1", AnswerValue.Choice("live_many"), 0), new AnswerChange(longText.Id, AnswerValue.OfText(new string('x', 1024 * 1024)), 0)]);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains("characters or fewer", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Option_hidden_for_district_councils_is_refused()
    {
        var (returnId, alex, _) = await ArrangeAsync();
        await using var db = _desk.Database.CreateContext();
        var service = Service(db);
        await service.SaveAsync(returnId, alex, [new AnswerChange("B1", AnswerValue.Choice("live_many"), 0)]);
        var serviceAreas = SurveyAnswers.Default.Sections.Single(s => s.Id == "C").Questions[0];

        var result = await service.SaveAsync(returnId, alex, [new AnswerChange(serviceAreas.Id, AnswerValue.Choice("adult_social_care"), 0)]);

        Assert.Equal(SaveStatus.Invalid, result.Status);
    }

    [Fact]
    public async Task Submit_scores_the_return_keeps_history_and_makes_it_read_only()
    {
        var (returnId, alex, _) = await ArrangeAsync();
        var answers = SurveyAnswers.Complete(SurveyAnswers.Default, SurveyAnswers.District);
        await using (var db = _desk.Database.CreateContext())
        {
            var saved = await Service(db).SaveAsync(returnId, alex, answers.Select(a => new AnswerChange(a.Key, a.Value, 0)).ToList());
            Assert.Equal(SaveStatus.Saved, saved.Status);
        }

        await using (var db = _desk.Database.CreateContext())
        {
            var result = await Submissions(db).SubmitAsync(returnId, alex);

            Assert.True(result.Submitted, string.Join("; ", result.Errors));
            Assert.NotNull(result.Profile!.OverallScore);
        }

        await using (var check = _desk.Database.CreateContext())
        {
            var councilReturn = await check.Returns.Include(r => r.Scores).Include(r => r.History).SingleAsync();
            Assert.Equal(ReturnStatus.Submitted, councilReturn.Status);
            Assert.Equal(8, councilReturn.Scores.Count);
            Assert.NotNull(councilReturn.MaturityLevel);
            var submitted = Assert.Single(councilReturn.History);
            Assert.Equal(("Alex Smith", SubmissionEventKind.Submitted), (submitted.Actor, submitted.Kind));
            // The record is the council's: A2 (the respondent's role) is Alex's own answer, kept apart.
            Assert.Equal(answers.Where(a => a.Key != "A2").OrderBy(a => a.Key, StringComparer.Ordinal), AnswerSet.FromJson(submitted.AnswersJson!).OrderBy(a => a.Key, StringComparer.Ordinal));

            var refused = await Service(check).SaveAsync(returnId, alex, [new AnswerChange("B1", AnswerValue.Choice("no_use"), 1)]);
            Assert.Equal(SaveStatus.ReadOnly, refused.Status);
        }

        await using (var db = _desk.Database.CreateContext())
        {
            await Submissions(db).ReopenAsync(returnId, "policy@lga.gov.uk", "Wrong headcount");
        }

        await using var after = _desk.Database.CreateContext();
        var reopened = await after.Returns.Include(r => r.History).SingleAsync();
        Assert.Equal(ReturnStatus.InProgress, reopened.Status);
        Assert.Equal([SubmissionEventKind.Submitted, SubmissionEventKind.Reopened], reopened.History.OrderBy(h => h.Id).Select(h => h.Kind));
        Assert.Equal("Wrong headcount", reopened.History.Single(h => h.Kind == SubmissionEventKind.Reopened).Reason);
    }

    [Fact]
    public async Task Submit_with_required_questions_missing_lists_them_and_changes_nothing()
    {
        var (returnId, alex, _) = await ArrangeAsync();
        await using var db = _desk.Database.CreateContext();
        await Service(db).SaveAsync(returnId, alex, [new AnswerChange("B1", AnswerValue.Choice("piloting"), 0)]);

        var result = await Submissions(db).SubmitAsync(returnId, alex);

        Assert.False(result.Submitted);
        Assert.Contains(result.Errors, e => e.QuestionId == "A2");
        Assert.DoesNotContain(result.Errors, e => e.QuestionId == "B1");
        await using var check = _desk.Database.CreateContext();
        Assert.Equal(ReturnStatus.InProgress, (await check.Returns.SingleAsync()).Status);
        Assert.Empty(await check.SubmissionEvents.ToListAsync());
    }

    [Fact]
    public async Task Saving_a_multiple_choice_answer_again_replaces_its_ticked_options()
    {
        var (returnId, alex, sam) = await ArrangeAsync();
        await using (var db = _desk.Database.CreateContext())
        {
            // B2 is asked only when B1 says the council is at least piloting AI.
            await Service(db).SaveAsync(returnId, alex, [new AnswerChange("B1", AnswerValue.Choice("piloting"), 0), new AnswerChange("B2", AnswerValue.Choice("generative", "predictive"), 0)]);
        }

        await using (var db = _desk.Database.CreateContext())
        {
            var result = await Service(db).SaveAsync(returnId, sam, [new AnswerChange("B2", AnswerValue.Choice("predictive"), 1)]);
            Assert.Equal(SaveStatus.Saved, result.Status);
        }

        await using var check = _desk.Database.CreateContext();
        var b2 = await check.Answers.SingleAsync(a => a.QuestionId == "B2");
        Assert.Equal((2, sam), (b2.Version, b2.UpdatedByContributorId));
        Assert.Equal(["predictive"], AnswerValue.FromJson(b2.ValueJson)!.Options);
    }

    [Fact]
    public async Task Clearing_a_multiple_choice_answer_leaves_no_ticks()
    {
        var (returnId, alex, _) = await ArrangeAsync();
        await using (var db = _desk.Database.CreateContext())
        {
            var saved = await Service(db).SaveAsync(returnId, alex, [new AnswerChange("B1", AnswerValue.Choice("piloting"), 0), new AnswerChange("B2", AnswerValue.Choice("generative", "predictive"), 0)]);
            Assert.Equal(SaveStatus.Saved, saved.Status);
        }

        await using (var db = _desk.Database.CreateContext())
        {
            Assert.Equal(SaveStatus.Saved, (await Service(db).SaveAsync(returnId, alex, [new AnswerChange("B2", AnswerValue.Choice(), 1)])).Status);
        }

        await using var check = _desk.Database.CreateContext();
        var b2 = await check.Answers.SingleAsync(a => a.QuestionId == "B2");
        Assert.Equal(2, b2.Version);
        Assert.Empty(AnswerValue.FromJson(b2.ValueJson)?.Options ?? []);
    }

    [Fact]
    public async Task Changing_an_answer_that_hides_questions_saves_and_keeps_their_stored_answers()
    {
        var (returnId, alex, _) = await ArrangeAsync();
        await using (var db = _desk.Database.CreateContext())
        {
            await Service(db).SaveAsync(returnId, alex,
                [new AnswerChange("B1", AnswerValue.Choice("piloting"), 0), new AnswerChange("B2", AnswerValue.Choice("generative"), 0)]);
        }

        await using (var db = _desk.Database.CreateContext())
        {
            // The page still posts B2 (ticked) with B1's new answer, which hides it.
            var result = await Service(db).SaveAsync(returnId, alex,
                [new AnswerChange("B1", AnswerValue.Choice("no_use"), 1), new AnswerChange("B2", AnswerValue.Choice("generative", "predictive"), 1)]);

            Assert.Equal(SaveStatus.Saved, result.Status);
            Assert.Equal(1, result.SavedCount);
        }

        await using var check = _desk.Database.CreateContext();
        Assert.Equal("no_use", Chosen(await check.Answers.SingleAsync(a => a.QuestionId == "B1")));
        var b2 = await check.Answers.SingleAsync(a => a.QuestionId == "B2");
        Assert.Equal((1, 1), (b2.Version, AnswerValue.FromJson(b2.ValueJson)?.Options?.Count));
    }

    [Fact]
    public async Task Answer_to_a_question_hidden_by_display_logic_is_not_stored()
    {
        var (returnId, alex, _) = await ArrangeAsync();
        await using (var db = _desk.Database.CreateContext())
        {
            await Service(db).SaveAsync(returnId, alex, [new AnswerChange("B1", AnswerValue.Choice("no_use"), 0)]);
        }

        await using (var db = _desk.Database.CreateContext())
        {
            var result = await Service(db).SaveAsync(returnId, alex, [new AnswerChange("B4", AnswerValue.Of(7), 0), new AnswerChange("C4", AnswerValue.Choice("systematic"), 0)]);

            Assert.Equal((SaveStatus.Saved, 0), (result.Status, result.SavedCount));
        }

        await using var check = _desk.Database.CreateContext();
        Assert.Equal(["B1"], await check.Answers.Select(a => a.QuestionId).ToListAsync());
    }

    [Theory]
    [InlineData("B2", "perceptive", "dont_know")]
    [InlineData("C1", "housing", "none")]
    [InlineData("C3", "dont_know", "productivity")]
    public async Task Exclusive_and_dont_know_options_are_refused_with_others(string questionId, string first, string second)
    {
        var (returnId, alex, _) = await ArrangeAsync();
        await using var db = _desk.Database.CreateContext();

        var result = await Service(db).SaveAsync(returnId, alex,
            [new AnswerChange("B1", AnswerValue.Choice("piloting"), 0), new AnswerChange(questionId, AnswerValue.Choice(first, second), 0)]);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains("not both", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        await using var check = _desk.Database.CreateContext();
        Assert.Equal(0, await check.Answers.CountAsync());
    }

    [Fact]
    public async Task Submission_record_holds_only_the_answers_that_apply()
    {
        var (returnId, alex, _) = await ArrangeAsync();
        var answers = SurveyAnswers.Complete(SurveyAnswers.Default, SurveyAnswers.District);
        await using (var db = _desk.Database.CreateContext())
        {
            var piloting = answers.With("B1", AnswerValue.Choice("piloting")).With("B2", AnswerValue.Choice("generative")).With("B4", AnswerValue.Of(3))
                .With("C1", AnswerValue.Choice("housing")).With("C3", AnswerValue.Choice("productivity")).With("C4", AnswerValue.Choice("anecdotal"))
                .With("C6", AnswerValue.Choice("in_house"));
            Assert.Equal(SaveStatus.Saved, (await Service(db).SaveAsync(returnId, alex, piloting.Select(a => new AnswerChange(a.Key, a.Value, 0)).ToList())).Status);
        }

        await using (var db = _desk.Database.CreateContext())
        {
            var workspace = await Service(db).LoadAsync(returnId);
            var b3 = workspace.VersionOf("B3");
            Assert.Equal(SaveStatus.Saved, (await Service(db).SaveAsync(returnId, alex,
                [new AnswerChange("B1", AnswerValue.Choice("no_use"), 1), new AnswerChange("B3", AnswerValue.Choice("funding"), b3)])).Status);
            Assert.True((await Submissions(db).SubmitAsync(returnId, alex)).Submitted);
        }

        await using var check = _desk.Database.CreateContext();
        Assert.True(await check.Answers.AnyAsync(a => a.QuestionId == "C1"), "the answer to a hidden question is kept");
        var record = AnswerSet.FromJson((await check.SubmissionEvents.SingleAsync()).AnswersJson!);
        Assert.Equal("no_use", record.Get("B1")!.Options![0]);
        Assert.Equal("funding", record.Get("B3")!.Options![0]);
        Assert.DoesNotContain(record.Keys, k => k is "B2" or "B4" || k.StartsWith('C'));
    }

    private static string? Chosen(Answer answer) => AnswerValue.FromJson(answer.ValueJson)?.Options?.Single();

    public void Dispose() => _desk.Dispose();

    private ReturnService Service(ReadinessDbContext db) => _desk.Service(db);

    private SubmissionService Submissions(ReadinessDbContext db) => _desk.Submissions(db);

    private Task<(int ReturnId, int Alex, int Sam)> ArrangeAsync() => _desk.ArrangeAsync();
}
