using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Privacy;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Responses;

/// <summary>
/// Questions about the contributor (A2, the respondent's role) belong to each person: colleagues never
/// overwrite each other's, the council's record and statistics leave them out, and erasure removes them.
/// </summary>
[Trait("Category", "Database")]
public sealed class ContributorAnswerTests : IDisposable
{
    private readonly ReturnDesk _desk = new();

    [Fact]
    public async Task Each_colleague_keeps_their_own_role_and_neither_save_conflicts()
    {
        var (returnId, alex, sam) = await ArrangeAsync();
        await using (var db = _desk.Database.CreateContext())
        {
            Assert.Equal(SaveStatus.Saved, (await Service(db).SaveAsync(returnId, alex, [new AnswerChange("A2", AnswerValue.Choice("digital_lead"), 0)])).Status);
        }

        await using (var db = _desk.Database.CreateContext())
        {
            // Sam's page showed no answer (version 0) and Alex has saved since: still no conflict, it is Sam's own.
            Assert.Equal(SaveStatus.Saved, (await Service(db).SaveAsync(returnId, sam, [new AnswerChange("A2", AnswerValue.Choice("information_governance"), 0)])).Status);
        }

        await using var check = _desk.Database.CreateContext();
        Assert.Equal(["digital_lead"], (await Service(check).LoadAsync(returnId, alex)).Answers.Get("A2")!.Options);
        Assert.Equal(["information_governance"], (await Service(check).LoadAsync(returnId, sam)).Answers.Get("A2")!.Options);
        Assert.Null((await Service(check).LoadAsync(returnId)).Answers.Get("A2"));
        Assert.DoesNotContain(await check.Answers.ToListAsync(), a => a.QuestionId == "A2");
        Assert.Equal(2, await check.ContributorAnswers.CountAsync(a => a.QuestionId == "A2"));
    }

    [Fact]
    public async Task Clearing_your_own_answer_removes_it_and_leaves_a_colleagues()
    {
        var (returnId, alex, sam) = await ArrangeAsync();
        await using (var db = _desk.Database.CreateContext())
        {
            await Service(db).SaveAsync(returnId, alex, [new AnswerChange("A2", AnswerValue.Choice("digital_lead"), 0)]);
            await Service(db).SaveAsync(returnId, sam, [new AnswerChange("A2", AnswerValue.Choice("hr"), 0)]);
        }

        await using (var db = _desk.Database.CreateContext())
        {
            Assert.Equal(SaveStatus.Saved, (await Service(db).SaveAsync(returnId, alex, [new AnswerChange("A2", null, 0)])).Status);
        }

        await using var check = _desk.Database.CreateContext();
        var left = Assert.Single(await check.ContributorAnswers.ToListAsync());
        Assert.Equal(sam, left.ContributorId);
    }

    [Fact]
    public async Task The_submitter_must_give_their_role_but_the_councils_record_and_statistics_leave_it_out()
    {
        var (returnId, alex, _) = await ArrangeAsync();
        var answers = SurveyAnswers.Complete(SurveyAnswers.Default, SurveyAnswers.District);
        await using (var db = _desk.Database.CreateContext())
        {
            await Service(db).SaveAsync(returnId, alex, answers.Where(a => a.Key != "A2").Select(a => new AnswerChange(a.Key, a.Value, 0)).ToList());
            var refused = await Submissions(db).SubmitAsync(returnId, alex);
            Assert.False(refused.Submitted);
            Assert.Equal("A2", Assert.Single(refused.Errors).QuestionId);

            await Service(db).SaveAsync(returnId, alex, [new AnswerChange("A2", AnswerValue.Choice("data_lead"), 0)]);
            var submitted = await Submissions(db).SubmitAsync(returnId, alex);
            Assert.True(submitted.Submitted, string.Join("; ", submitted.Errors));
        }

        await using var check = _desk.Database.CreateContext();
        var definition = await _desk.Library(check).GetAsync((await check.Rounds.SingleAsync()).DefinitionVersionId);
        var returned = Assert.Single(await SubmittedAnswers.ReadAsync(check, (await check.Rounds.SingleAsync()).Id, definition, CancellationToken.None));
        Assert.False(returned.Answers.ContainsKey("A2"));
        Assert.True(returned.Answers.ContainsKey("A3"));
        Assert.DoesNotContain(QuestionShapes.From(definition), q => q.Id == "A2");
    }

    [Fact]
    public async Task Erasing_a_person_deletes_their_answers_about_themselves_and_their_export_holds_them_first()
    {
        var (returnId, alex, sam) = await ArrangeAsync();
        await using (var db = _desk.Database.CreateContext())
        {
            await Service(db).SaveAsync(returnId, alex, [new AnswerChange("A2", AnswerValue.Choice("digital_lead"), 0), new AnswerChange("A3", AnswerValue.Of(1200), 0)]);
            await Service(db).SaveAsync(returnId, sam, [new AnswerChange("A2", AnswerValue.Choice("hr"), 0)]);
        }

        await using (var db = _desk.Database.CreateContext())
        {
            var people = new PersonalData(db, new AuditLog(db, _desk.Clock), _desk.Clock, Options.Create(new PrivacyOptions()));
            using var export = System.Text.Json.JsonDocument.Parse(await people.ExportAsync("alex@adur.gov.uk"));
            var own = Assert.Single(export.RootElement.GetProperty("invitations")[0].GetProperty("contributions")[0].GetProperty("answers_about_themselves").EnumerateArray());
            Assert.Equal("A2", own.GetProperty("question").GetString());
            Assert.Equal("digital_lead", own.GetProperty("answer").GetProperty("o")[0].GetString());
            Assert.Equal(1, await people.EraseAsync("alex@adur.gov.uk", "test"));
        }

        await using var check = _desk.Database.CreateContext();
        Assert.Equal(sam, Assert.Single(await check.ContributorAnswers.ToListAsync()).ContributorId);
        Assert.Single(await check.Answers.ToListAsync(), a => a.QuestionId == "A3");
    }

    public void Dispose() => _desk.Dispose();

    private ReturnService Service(ReadinessDbContext db) => _desk.Service(db);

    private SubmissionService Submissions(ReadinessDbContext db) => _desk.Submissions(db);

    private Task<(int ReturnId, int Alex, int Sam)> ArrangeAsync() => _desk.ArrangeAsync();
}
