using System.IO.Compression;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Data;
using ReadinessSurvey.Publishing;
using ReadinessSurvey.Reporting;

namespace ReadinessSurvey.Tests.Web.Publishing;

[Trait("Category", "Database")]
[Collection(SharedPublishedRound.Name)]
public sealed class ReportRequestTests(PublishingFixture fixture)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task An_analyst_requests_a_report_sees_it_waiting_then_downloads_it_and_the_download_is_audited()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        var requested = await analyst.PostAsync("/admin/reports", [new("RoundId", fixture.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Kind", "published")]);
        var id = PublishingFixture.IdIn(requested);
        var waiting = await analyst.GetPageAsync($"/admin/reports/{id}");
        var runs = await fixture.Data.RunReportJobsAsync();
        var ready = await analyst.GetPageAsync($"/admin/reports/{id}");
        var download = await analyst.GetAsync($"/admin/reports/{id}/download");

        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Contains("Waiting", waiting, StringComparison.Ordinal);
        Assert.Contains("Refresh to see progress", waiting, StringComparison.Ordinal);
        var run = Assert.Single(runs, r => r.Id == id);
        Assert.Equal(ReportRunStatus.Succeeded, run.Status);
        Assert.Equal(await CurrentSnapshotIdAsync(), run.SnapshotId);
        Assert.Contains("Download the report", ready, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Xlsx, download.Content.Headers.ContentType!.MediaType);
        var slug = Path.GetFileName(Path.GetDirectoryName(run.OutputPath));
        Assert.Equal($"{slug}-{Path.GetFileName(run.OutputPath)}", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(run.OutputPath!), bytes);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.NotEmpty(workbook.WorkbookPart!.Workbook.Sheets!.ChildElements);
        }

        var audit = await fixture.Data.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.Target == $"report-run:{id}").Select(a => a.Action).ToListAsync());
        Assert.Contains("report.requested", audit);
        Assert.Contains("report.downloaded", audit);
    }

    [Fact]
    public async Task Every_councils_workbook_downloads_as_one_zip_built_on_the_fly()
    {
        using var admin = await fixture.Factory.SignInAsAsync(PolicyRoles.Admin);

        var id = PublishingFixture.IdIn(await admin.PostAsync("/admin/reports", [new("RoundId", fixture.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Kind", "councils")]));
        await fixture.Data.RunReportJobsAsync();
        var download = await admin.GetAsync($"/admin/reports/{id}/download");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".zip", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        Assert.Equal(PublishingFixture.Councils, zip.Entries.Count);
        Assert.All(zip.Entries, e => Assert.Matches(@"^council-[a-z0-9]+-\d{4}-\d{2}-\d{2}\.xlsx$", e.Name));
        using var first = new MemoryStream();
        await using (var entry = zip.Entries[0].Open())
        {
            await entry.CopyToAsync(first);
        }

        using var workbook = SpreadsheetDocument.Open(first, false);
        Assert.NotEmpty(workbook.WorkbookPart!.Workbook.Sheets!.ChildElements);
    }

    [Fact]
    public async Task The_export_downloads_as_a_zip_of_the_workbook_the_csv_and_the_codebook()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        var id = PublishingFixture.IdIn(await analyst.PostAsync("/admin/reports", [new("RoundId", fixture.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Kind", "export")]));
        await fixture.Data.RunReportJobsAsync();
        var download = await analyst.GetAsync($"/admin/reports/{id}/download");

        using var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, names.Count);
        Assert.Matches(@"^responses-\d{4}-\d{2}-\d{2}\.csv$", names[0]);
        Assert.Matches(@"^responses-\d{4}-\d{2}-\d{2}\.xlsx$", names[1]);
        Assert.Matches(@"^responses-codebook-\d{4}-\d{2}-\d{2}\.csv$", names[2]);
        using var csv = new StreamReader(zip.Entries.Single(e => e.Name == names[0]).Open());
        var lines = (await csv.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(PublishingFixture.Councils + 1, lines.Length);
    }

    [Fact]
    public async Task A_request_without_a_kind_or_with_an_unknown_council_is_refused_beside_the_field()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);
        var before = await CountRunsAsync();

        var noKind = await analyst.PostAsync("/admin/reports", [new("RoundId", fixture.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var badCouncil = await analyst.PostAsync("/admin/reports", [new("RoundId", fixture.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Kind", "council"), new("CouncilCode", "X99")]);
        var badRound = await analyst.PostAsync("/admin/reports", [new("RoundId", "999"), new("Kind", "sector")]);

        Assert.Equal(HttpStatusCode.OK, noKind.StatusCode);
        var noKindPage = await noKind.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#kind\">Choose a kind of report</a>", noKindPage, StringComparison.Ordinal);
        Assert.Contains("<title>Error: Reports", noKindPage, StringComparison.Ordinal);
        Assert.Contains("A council report needs the code of a council in the register (&#x27;X99&#x27; is not one).", await badCouncil.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("There is no round with id 999.", await badRound.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountRunsAsync());
    }

    [Fact]
    public async Task The_history_of_runs_is_paged_newest_first()
    {
        await fixture.Data.WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReadinessDbContext>();
            for (var i = 0; i < 25; i++)
            {
                db.ReportRuns.Add(new ReportRun { RoundId = fixture.RoundId, Kind = "sector", RequestedBy = "history@lga.example", RequestedAt = DateTime.UtcNow, Status = ReportRunStatus.Failed, Error = "test" });
            }

            return await db.SaveChangesAsync();
        });
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);
        var total = await CountRunsAsync();
        var newest = await fixture.Data.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().ReportRuns.MaxAsync(r => r.Id));
        var pages = (total + 19) / 20;

        var first = await analyst.GetPageAsync("/admin/reports");
        var last = await analyst.GetPageAsync($"/admin/reports?p={pages}");
        var beyond = await analyst.GetAsync($"/admin/reports?p={pages + 1}");

        var firstIds = System.Text.RegularExpressions.Regex.Matches(first, "href=\"/admin/reports/(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(20, firstIds.Count);
        Assert.Equal(newest, firstIds[0]);
        Assert.Equal(firstIds.OrderDescending(), firstIds);
        Assert.Contains($"page 1 of {pages}", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/reports?p=2\"", first, StringComparison.Ordinal);
        Assert.Contains($"page {pages} of {pages}", last, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }

    [Fact]
    public async Task Runs_unfinished_missing_or_pointing_outside_the_reports_folder_do_not_download()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);
        // A real file outside the reports folder, whichever database the tests run on.
        var outside = Path.GetTempFileName();
        var ids = await fixture.Data.WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReadinessDbContext>();
            var reports = sp.GetRequiredService<ReportFolder>().Root;
            var runs = new[]
            {
                new ReportRun { RoundId = fixture.RoundId, Kind = "sector", RequestedBy = "t", Status = ReportRunStatus.Succeeded, OutputPath = outside },
                new ReportRun { RoundId = fixture.RoundId, Kind = "sector", RequestedBy = "t", Status = ReportRunStatus.Succeeded, OutputPath = Path.Combine(reports, "..", "outside.xlsx") },
                new ReportRun { RoundId = fixture.RoundId, Kind = "sector", RequestedBy = "t", Status = ReportRunStatus.Succeeded, OutputPath = Path.Combine(reports, "gone", "x.xlsx") },
                new ReportRun { RoundId = fixture.RoundId, Kind = "sector", RequestedBy = "t", Status = ReportRunStatus.Pending },
            };
            db.ReportRuns.AddRange(runs);
            await db.SaveChangesAsync();
            return runs.Select(r => r.Id).ToList();
        });

        foreach (var id in ids.Append(987654))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/admin/reports/{id}/download")).StatusCode);
        }

        Assert.True(File.Exists(outside));
    }

    private Task<long> CurrentSnapshotIdAsync() => fixture.Data.WithAsync(sp =>
        sp.GetRequiredService<ReadinessDbContext>().AggregateSnapshots.Where(s => s.RoundId == fixture.RoundId && s.IsCurrent).Select(s => s.Id).SingleAsync());

    private Task<int> CountRunsAsync() => fixture.Data.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().ReportRuns.CountAsync());
}
