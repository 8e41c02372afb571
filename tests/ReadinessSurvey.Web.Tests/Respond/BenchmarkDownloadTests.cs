using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Web.Respond;

public sealed class BenchmarkDownloadTests(ReadinessWebFactory factory) : IClassFixture<ReadinessWebFactory>
{
    private readonly Scenario _scenario = new(factory);

    [Fact]
    public async Task A_respondent_downloads_their_own_councils_benchmark_after_submitting()
    {
        var round = await _scenario.OpenRoundAsync("benchmark " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round, "E07000223", "Alex Smith");
        using var client = factory.CreateFormClient();
        await client.GetAsync($"/respond/start/{invitation.Token}");

        var before = await client.GetPageAsync("/respond/benchmark");

        await _scenario.WithAsync(async sp =>
        {
            var returns = sp.GetRequiredService<ReturnService>();
            var contributor = await returns.EnsureContributorAsync(invitation.Invitation);
            var answers = SurveyAnswers.Complete(SurveyAnswers.Default, SurveyAnswers.District);
            await returns.SaveAsync(contributor.ReturnId, contributor.Id, answers.Select(a => new AnswerChange(a.Key, a.Value, 0)).ToList());
            Assert.True((await sp.GetRequiredService<SubmissionService>().SubmitAsync(contributor.ReturnId, contributor.Id)).Submitted);
            return await sp.GetRequiredService<RoundAggregator>().AggregateAsync(round);
        });
        var response = await client.GetAsync("/respond/benchmark");

        Assert.Contains("once your return has been submitted", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("E07000223", response.Content.Headers.ContentDisposition!.FileName, StringComparison.OrdinalIgnoreCase);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.NotEmpty(workbook.WorkbookPart!.Workbook.Sheets!.ChildElements);
    }

    [Fact]
    public async Task The_download_refuses_anonymous_visitors()
    {
        factory.EnsureStarted();
        using var client = factory.CreateFormClient();

        var response = await client.GetAsync("/respond/benchmark");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
