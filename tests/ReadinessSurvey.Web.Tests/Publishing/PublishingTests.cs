using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;
using ReadinessSurvey.Demo;
using ReadinessSurvey.Publishing;
using ReadinessSurvey.Reporting;

namespace ReadinessSurvey.Tests.Web.Publishing;

[Trait("Category", "Database")]
[Trait("Category", "Slow")]
public sealed partial class PublishingTests(PublishingApp fixture) : IClassFixture<PublishingApp>
{
    /// <summary>
    /// The councils of each round these tests publish: the workflow is the same at any size, and a round this small is
    /// protected in about a second (a 20-council one takes half a minute). Protection at real sizes has tests of its own.
    /// </summary>
    private const int Councils = 3;

    [Fact]
    public async Task An_admin_reviews_what_is_withheld_prepares_the_workbook_and_publishes_it_with_its_charts()
    {
        using var admin = await fixture.Factory.SignInAsAsync(PolicyRoles.Admin);
        var roundId = await fixture.Data.AddRoundAsync(Councils);
        var log = await fixture.Data.WithAsync(async sp => SnapshotJson.ReadSuppressionLog((await sp.GetRequiredService<SnapshotReader>().GetCurrentSnapshotAsync(roundId))!));

        var review = await admin.GetPageAsync($"/admin/publishing/{roundId}");
        var tooSoon = await PublishingFixture.PostHandlerAsync(admin, $"/admin/publishing/{roundId}", "Publish");
        var prepared = await PublishingFixture.PostHandlerAsync(admin, $"/admin/publishing/{roundId}", "Prepare");
        var preparing = await admin.GetPageAsync($"/admin/publishing/{roundId}");
        var run = Assert.Single(await fixture.Data.RunReportJobsAsync());
        var ready = await admin.GetPageAsync($"/admin/publishing/{roundId}");
        var published = await PublishingFixture.PostHandlerAsync(admin, $"/admin/publishing/{roundId}", "Publish");
        var after = await admin.GetPageAsync($"/admin/publishing/{roundId}");

        Assert.NotEmpty(log);
        Assert.Contains($"{log.Count} cells", review, StringComparison.Ordinal);
        var wording = new SuppressionWording(await fixture.Data.WithAsync(sp => sp.GetRequiredService<ReportService>().LoadAsync(roundId, published: true, CancellationToken.None)));
        var first = wording.Describe(log[0]);
        var cells = review[review.IndexOf("Each withheld cell, in the order", StringComparison.Ordinal)..];
        Assert.Contains("What is withheld, question by question", review, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"govuk-table__cell\">{WebUtility.HtmlEncode(first.Group)}</td>", cells, StringComparison.Ordinal);
        Assert.DoesNotContain("question:", cells, StringComparison.Ordinal);
        Assert.Contains("Not prepared for the current results", review, StringComparison.Ordinal);
        Assert.Equal(Math.Min(100, log.Count), Regex.Count(cells, "<tr class=\"govuk-table__row\">") - 1);
        if (log.Count > 100)
        {
            var second = await admin.GetPageAsync($"/admin/publishing/{roundId}?p=2");
            Assert.Contains($"(page 2 of {(log.Count + 99) / 100})", second, StringComparison.Ordinal);
            Assert.Contains($"<td class=\"govuk-table__cell\">{WebUtility.HtmlEncode(wording.Describe(log[100]).Answer)}</td>", second, StringComparison.Ordinal);
        }
        Assert.Contains("There is no published workbook for the round", await tooSoon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, prepared.StatusCode);
        Assert.Contains("Being prepared", preparing, StringComparison.Ordinal);
        Assert.Equal((ReportKinds.Published, ReportRunStatus.Succeeded), (run.Kind, run.Status));
        Assert.Contains($"Ready (report run {run.Id})", ready, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("is on its public page at /publications/", after, StringComparison.Ordinal);
        Assert.Contains("The current results are published", after, StringComparison.Ordinal);

        var report = await PublishedAsync(roundId);
        Assert.Equal(run.Id, report.ReportRunId);
        Assert.Equal(run.SnapshotId, report.SnapshotId);
        Assert.StartsWith("ai-readiness-2024-25 version ", report.SurveyVersion, StringComparison.Ordinal);
        var files = Folder.FilesOf(report)!;
        Assert.Equal(Path.GetFileName(run.OutputPath), files.Workbook);
        Assert.True(files.Charts.Count >= 5, $"{files.Charts.Count} charts");
        Assert.All(files.Names, n => Assert.True(File.Exists(Folder.PathOf(report, n)), n));
        Assert.Contains("report.published", await AuditActionsAsync($"round:{roundId}"));
    }

    [Fact]
    public async Task Anyone_downloads_a_published_workbook_and_its_charts_without_signing_in()
    {
        var (roundId, report) = await PublishedRoundAsync();
        using var visitor = fixture.Factory.CreateFormClient();

        var page = await visitor.GetPageAsync($"/publications/{roundId}");
        var files = Folder.FilesOf(report)!;
        var workbook = await visitor.GetAsync($"/reports/{report.Id}/{files.Workbook}");
        var chart = files.Charts[0];
        var png = await visitor.GetAsync($"/reports/{report.Id}/{chart.Png}");
        var svg = await visitor.GetAsync($"/reports/{report.Id}/{chart.Svg}");
        var csv = await visitor.GetAsync($"/reports/{report.Id}/{chart.Csv}");

        var roundName = await fixture.Data.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().Rounds.Where(r => r.Id == roundId).Select(r => r.Name).SingleAsync());
        Assert.Contains(roundName, page, StringComparison.Ordinal);
        Assert.Contains(report.SurveyVersion, page, StringComparison.Ordinal);
        Assert.Contains(report.DataDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/reports/{report.Id}/{files.Workbook}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/reports/{report.Id}/{files.Ods}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Folder.PathOf(report, files.Workbook)), await workbook.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await png.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Category,", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_internal_unpublished_or_outside_the_publication_can_be_fetched_from_the_public_pages()
    {
        var (roundId, report) = await PublishedRoundAsync();
        using var admin = await fixture.Factory.SignInAsAsync(PolicyRoles.Admin);
        var internalId = PublishingFixture.IdIn(await admin.PostAsync("/admin/reports", [new("RoundId", roundId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Kind", "sector")]));
        var internalRun = Assert.Single(await fixture.Data.RunReportJobsAsync(), r => r.Id == internalId);
        var internalName = Path.GetFileName(internalRun.OutputPath)!;
        var roundFolder = Path.GetFileName(Path.GetDirectoryName(internalRun.OutputPath))!;
        using var visitor = fixture.Factory.CreateFormClient();

        string[] attempts =
        [
            $"/reports/{report.Id}/{internalName}",
            $"/reports/{report.Id}/{PublishedFiles.ManifestName}",
            $"/reports/{report.Id}/..%2F..%2F{roundFolder}%2F{internalName}",
            $"/reports/{report.Id}/%2E%2E%2F%2E%2E%2F%2E%2E%2F{roundFolder}%2F{internalName}",
            $"/reports/{report.Id}/..%5C..%5C{roundFolder}%5C{internalName}",
            $"/reports/{report.Id}/%2Fetc%2Fpasswd",
            $"/reports/{internalId}/{internalName}",
            $"/reports/999999/{Folder.FilesOf(report)!.Workbook}",
        ];
        foreach (var path in attempts)
        {
            var response = await visitor.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} gave {(int)response.StatusCode}");
        }

        Assert.True(File.Exists(internalRun.OutputPath));
        Assert.DoesNotContain(internalName, await visitor.GetPageAsync($"/publications/{roundId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpublishing_asks_first_then_takes_the_report_and_its_files_down_at_once()
    {
        var (roundId, report) = await PublishNewRoundAsync();
        using var admin = await fixture.Factory.SignInAsAsync(PolicyRoles.Admin);
        using var visitor = fixture.Factory.CreateFormClient();
        var workbook = $"/reports/{report.Id}/{Folder.FilesOf(report)!.Workbook}";
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(workbook)).StatusCode);

        var confirm = await admin.GetPageAsync($"/admin/publishing/unpublish/{report.Id}");
        var done = await admin.PostAsync($"/admin/publishing/unpublish/{report.Id}", []);
        var roundPage = await admin.GetPageAsync($"/admin/publishing/{roundId}");
        var again = await admin.GetAsync($"/admin/publishing/unpublish/{report.Id}");

        Assert.Contains("Are you sure you want to unpublish this report?", confirm, StringComparison.Ordinal);
        Assert.Equal($"/admin/publishing/{roundId}", done.Headers.Location?.OriginalString);
        Assert.Contains("is no longer published", roundPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(workbook)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/publications/{roundId}")).StatusCode);
        Assert.DoesNotContain($"/publications/{roundId}\"", await visitor.GetPageAsync("/publications"), StringComparison.Ordinal);
        var row = await fixture.Data.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().PublishedReports.AsNoTracking().SingleAsync(p => p.Id == report.Id));
        Assert.NotNull(row.UnpublishedAt);
        Assert.EndsWith("@lga.example", row.UnpublishedBy, StringComparison.Ordinal);
        Assert.Contains("report.unpublished", await AuditActionsAsync($"round:{roundId}"));
    }

    [Fact]
    public async Task Publishing_needs_a_workbook_of_the_current_results_not_an_older_one()
    {
        using var admin = await fixture.Factory.SignInAsAsync(PolicyRoles.Admin);
        var roundId = await fixture.Data.AddRoundAsync(Councils);
        await PublishingFixture.PostHandlerAsync(admin, $"/admin/publishing/{roundId}", "Prepare");
        await fixture.Data.RunReportJobsAsync();

        // Two more councils submit: the round's results move on, and the finished workbook is out of date.
        await fixture.Data.WithAsync(async sp =>
        {
            await sp.GetRequiredService<DemoReturns>().SeedAsync(roundId, 2, seed: 11);
            return await sp.GetRequiredService<RoundAggregator>().AggregateAsync(roundId);
        });
        var refused = await PublishingFixture.PostHandlerAsync(admin, $"/admin/publishing/{roundId}", "Publish");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("There is no published workbook for the round&#x27;s current results", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Data.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().PublishedReports.CountAsync(p => p.RoundId == roundId)));
    }

    [Fact]
    public async Task Analysts_review_but_cannot_prepare_publish_or_unpublish()
    {
        var (roundId, report) = await PublishedRoundAsync();
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        var review = await analyst.GetPageAsync($"/admin/publishing/{roundId}");
        var token = FormClient.TokenOf(await analyst.GetPageAsync("/admin/reports"));
        var posts = new List<HttpResponseMessage>();
        foreach (var path in new[] { $"/admin/publishing/{roundId}?handler=Prepare", $"/admin/publishing/{roundId}?handler=Publish", $"/admin/publishing/unpublish/{report.Id}" })
        {
            using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
            posts.Add(await analyst.Http.PostAsync(new Uri(path, UriKind.Relative), form));
        }

        Assert.Contains("Only admins can prepare and publish reports.", review, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/publishing/unpublish/", review, StringComparison.Ordinal);
        Assert.All(posts, p => Assert.StartsWith("/account/access-denied", p.Headers.Location?.AbsolutePath, StringComparison.Ordinal));
        Assert.Null((await fixture.Data.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().PublishedReports.AsNoTracking().SingleAsync(p => p.Id == report.Id))).UnpublishedAt);
    }

    /// <summary>The class's shared published round, for tests that only read it.</summary>
    private Task<(int RoundId, PublishedReport Report)> PublishedRoundAsync() => fixture.Published ??= PublishNewRoundAsync();

    private async Task<(int RoundId, PublishedReport Report)> PublishNewRoundAsync()
    {
        using var admin = await fixture.Factory.SignInAsAsync(PolicyRoles.Admin);
        var roundId = await fixture.Data.AddRoundAsync(Councils);
        await PublishingFixture.PostHandlerAsync(admin, $"/admin/publishing/{roundId}", "Prepare");
        var run = Assert.Single(await fixture.Data.RunReportJobsAsync());
        Assert.True(run.Status == ReportRunStatus.Succeeded, run.Error);
        var published = await PublishingFixture.PostHandlerAsync(admin, $"/admin/publishing/{roundId}", "Publish");
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await published.Content.ReadAsStringAsync(), "govuk-error-summary__list\">(.*?)</ul>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        return (roundId, await PublishedAsync(roundId));
    }

    private ReportFolder Folder => fixture.Factory.Services.GetRequiredService<ReportFolder>();

    private Task<PublishedReport> PublishedAsync(int roundId) => fixture.Data.WithAsync(sp =>
        sp.GetRequiredService<ReadinessDbContext>().PublishedReports.AsNoTracking().SingleAsync(p => p.RoundId == roundId && p.UnpublishedAt == null));

    private Task<List<string>> AuditActionsAsync(string target) => fixture.Data.WithAsync(sp =>
        sp.GetRequiredService<ReadinessDbContext>().AuditEvents.AsNoTracking().Where(a => a.Target == target).Select(a => a.Action).ToListAsync());
}
