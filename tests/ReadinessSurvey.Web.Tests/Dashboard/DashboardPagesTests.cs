using System.Globalization;
using System.Net;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Web.Dashboard;

/// <summary>Thirty demo councils, aggregated once, and a round with no figures yet.</summary>
public sealed class DashboardFixture : IAsyncLifetime, IDisposable
{
    public ReadinessWebFactory Factory { get; } = new();

    public int RoundId { get; private set; }

    public int EmptyRoundId { get; private set; }

    public SnapshotContent Content { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        RoundId = await DashboardRound.SeedAsync(Factory, 30);
        EmptyRoundId = await new Scenario(Factory).OpenRoundAsync("Not aggregated");
        Content = await DashboardRound.ContentAsync(Factory, RoundId);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Factory.Dispose();
}

public sealed class DashboardPagesTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    private int Round => fixture.RoundId;

    [Fact]
    public async Task The_overview_shows_the_snapshots_response_rate_and_overall_score()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        var page = await analyst.GetPageAsync($"/admin/dashboard/{Round}");

        var sector = fixture.Content.Responses.Rates.Single(r => r.Breakdown == Breakdowns.Sector);
        Assert.Equal(30, sector.Submitted);
        Assert.Contains($"{sector.Percent!.Value.ToString("0.#", _invariant)}% ({sector.Submitted} of {sector.Registered} councils submitted", page, StringComparison.Ordinal);
        var overall = fixture.Content.Dimensions.Single(d => d.DimensionId == "overall").Groups.Single(g => g.Breakdown == Breakdowns.Sector).Scores;
        Assert.Contains($"{overall.Median!.Value.ToString("0.#", _invariant)} out of 100", page, StringComparison.Ordinal);
        Assert.Contains($"(from {overall.N} councils with an overall score)", page, StringComparison.Ordinal);
        Assert.Contains("<img class=\"app-chart\" src=\"data:image/svg+xml;base64,", page, StringComparison.Ordinal);
        Assert.Contains("alt=\"Councils by maturity level.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_maturity_table_holds_the_snapshots_counts_for_each_group()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        var page = await analyst.GetPageAsync($"/admin/dashboard/{Round}/maturity");

        var sector = fixture.Content.Maturity.Single(m => m.Breakdown == Breakdowns.Sector);
        var row = TableRow(page, "Maturity level by group", "All councils");
        Assert.Equal(sector.N!.Value.ToString(_invariant), row[2]);
        Assert.Equal(sector.Levels.Select(l => l.Count!.Value.ToString(_invariant)), row.Skip(3).Where((_, i) => i % 2 == 0));
    }

    [Fact]
    public async Task The_respondents_own_role_is_not_a_council_statistic_so_it_has_no_dashboard_page()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        var list = await analyst.GetPageAsync($"/admin/dashboard/{Round}/questions");
        var role = await analyst.GetAsync($"/admin/dashboard/{Round}/questions/A2");

        Assert.Contains($"/admin/dashboard/{Round}/questions/A3\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/dashboard/{Round}/questions/A2\"", list, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, role.StatusCode);
    }

    [Fact]
    public async Task A_question_filtered_by_type_and_region_shows_only_those_groups_with_the_snapshots_counts()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);
        var (question, result) = FirstSingleChoice();
        var type = result.Groups.First(g => g.Breakdown == Breakdowns.Type);
        var region = result.Groups.First(g => g.Breakdown == Breakdowns.Region);
        var otherRegion = result.Groups.First(g => g.Breakdown == Breakdowns.Region && g.Group != region.Group);

        var all = await analyst.GetPageAsync($"/admin/dashboard/{Round}/questions/{question.Id}");
        var filtered = await analyst.GetPageAsync($"/admin/dashboard/{Round}/questions/{question.Id}?type={type.Group}&region={region.Group}");

        var typeLabel = Label(Breakdowns.Type, type.Group);
        var otherLabel = Label(Breakdowns.Region, otherRegion.Group);
        Assert.NotNull(TableRowOrNull(all, "Councils giving each answer", otherLabel));
        Assert.Null(TableRowOrNull(filtered, "Councils giving each answer", otherLabel));
        var row = TableRow(filtered, "Councils giving each answer", typeLabel);
        Assert.Equal(type.Base!.Value.ToString(_invariant), row[2]);
        Assert.Equal(question.Options.Select(o => (type.Options.FirstOrDefault(x => x.Value == o.Value)?.Count ?? 0).ToString(_invariant)), row.Skip(3).Take(question.Options.Count));
        Assert.NotNull(TableRow(filtered, "Councils giving each answer", Label(Breakdowns.Region, region.Group)));
        Assert.Contains($"filtered by council type: {typeLabel} and region: {Label(Breakdowns.Region, region.Group)}", filtered, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{type.Group}\" selected=\"selected\">", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_council_page_shows_its_scores_position_and_answers()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);
        var council = fixture.Content.Councils.First(c => c.OverallScore is not null);

        var page = await analyst.GetPageAsync($"/admin/dashboard/{Round}/councils/{council.Code}");

        Assert.Contains($"{council.OverallScore!.Value.ToString("0.#", _invariant)} out of 100", page, StringComparison.Ordinal);
        var overall = TableRow(page, "Scores against peers", "Overall");
        var sector = council.Peers.Single(p => p.DimensionId == "overall" && p.Breakdown == Breakdowns.Sector);
        Assert.Equal([sector.N.ToString(_invariant), sector.Median!.Value.ToString("0.#", _invariant), sector.Percentile!.Value.ToString("0", _invariant)], overall.Skip(3).Take(3));
        Assert.Contains("The council&#x27;s answers", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_councils_list_narrows_by_type_and_region_together()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);
        var first = fixture.Content.Councils[0];

        var page = await analyst.GetPageAsync($"/admin/dashboard/{Round}/councils?type={first.TypeCode}&region={first.RegionCode}");

        var expected = fixture.Content.Councils.Count(c => c.TypeCode == first.TypeCode && c.RegionCode == first.RegionCode);
        Assert.Contains($"{expected} councils that submitted", page, StringComparison.Ordinal);
        Assert.Contains($"/councils/{first.Code}\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/dashboard/999")]
    [InlineData("/admin/dashboard/999/questions")]
    [InlineData("/admin/dashboard/999/councils/E07000223")]
    [InlineData("/admin/dashboard/{round}/councils/E99999999")]
    [InlineData("/admin/dashboard/{round}/questions/Z99")]
    [InlineData("/admin/dashboard/{round}/councils/E99999999?handler=download")]
    [InlineData("/admin/dashboard/999?handler=download")]
    public async Task Unknown_rounds_councils_and_questions_are_not_found(string path)
    {
        using var admin = await fixture.Factory.SignInAsAsync(PolicyRoles.Admin);

        var response = await admin.GetAsync(path.Replace("{round}", Round.ToString(_invariant), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/questions/{question}?type=NOPE")]
    [InlineData("/councils?region=E12999999")]
    [InlineData("/dimensions?dimension=nope")]
    public async Task Filters_outside_the_lists_are_refused_with_a_message(string path)
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        var response = await analyst.GetAsync($"/admin/dashboard/{Round}" + path.Replace("{question}", FirstSingleChoice().Question.Id, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("govuk-error-summary", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_not_yet_aggregated_says_so()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        foreach (var view in new[] { "", "/dimensions", "/maturity", "/questions", "/responses", "/councils" })
        {
            Assert.Contains("There are no figures for this round yet", await analyst.GetPageAsync($"/admin/dashboard/{fixture.EmptyRoundId}{view}"), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/admin/dashboard/{fixture.EmptyRoundId}/maturity?handler=download")).StatusCode);
    }

    [Fact]
    public async Task Every_view_answers_an_analyst_and_the_index_lists_the_round()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        Assert.Contains($"href=\"/admin/dashboard/{Round}\"", await analyst.GetPageAsync("/admin/dashboard"), StringComparison.Ordinal);
        foreach (var view in new[] { "", "/dimensions?dimension=strategy", "/maturity", "/questions", "/responses", "/councils" })
        {
            var page = await analyst.GetPageAsync($"/admin/dashboard/{Round}{view}");
            Assert.DoesNotContain("There are no figures", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_overview_downloads_the_internal_sector_workbook_and_the_download_is_audited()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        var response = await analyst.GetAsync($"/admin/dashboard/{Round}?handler=download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("sector-internal-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        // It carries chart pictures, which ClosedXML 0.95 can only load through GDI+: read it with the OpenXML SDK.
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var book = document.WorkbookPart!;
        var shared = book.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        var sheet = book.Workbook.Sheets!.Elements<Sheet>().Single(x => x.Name == "Response rates");
        var rows = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, _invariant)] : c.CellValue?.Text ?? c.InnerText).ToList())
            .ToList();
        var sector = fixture.Content.Responses.Rates.Single(r => r.Breakdown == Breakdowns.Sector);
        Assert.Contains(rows, r => r.Count > 3 && r[1] == "All councils" && r[3] == sector.Submitted!.Value.ToString(_invariant));
        Assert.True(book.WorksheetParts.Sum(w => w.DrawingsPart?.ImageParts.Count() ?? 0) > 0);
        await AssertAuditedAsync("Overview (internal sector workbook)");
    }

    [Fact]
    public async Task A_filtered_question_downloads_a_workbook_of_just_its_tables()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);
        var (question, result) = FirstSingleChoice();
        var type = result.Groups.First(g => g.Breakdown == Breakdowns.Type);

        var response = await analyst.GetAsync($"/admin/dashboard/{Round}/questions/{question.Id}?handler=download&type={type.Group}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var counts = workbook.Worksheets.Single(w => w.Name.StartsWith("Councils giving", StringComparison.Ordinal));
        var groups = counts.RowsUsed().Skip(2).Select(r => r.Cell(1).GetString()).ToList();
        Assert.Equal(["All councils", Label(Breakdowns.Type, type.Group)], groups);
        var typeRow = counts.RowsUsed().Skip(2).Single(r => r.Cell(1).GetString() != "All councils");
        Assert.Equal(type.Base, typeRow.Cell(3).GetValue<int>());
        Assert.Contains(workbook.Worksheet("About").RowsUsed(), r => r.Cell(2).GetString().Contains($"filtered by council type: {Label(Breakdowns.Type, type.Group)}", StringComparison.Ordinal));
        await AssertAuditedAsync($"Question {question.Id}; filtered by council type");
    }

    [Fact]
    public async Task A_new_aggregation_run_replaces_the_cached_figures()
    {
        using var factory = new ReadinessWebFactory();
        var round = await DashboardRound.SeedAsync(factory, 3, seed: 11);
        using var analyst = await factory.SignInAsAsync(PolicyRoles.Analyst);
        Assert.Contains("(3 of ", await analyst.GetPageAsync($"/admin/dashboard/{round}"), StringComparison.Ordinal);

        await DashboardRound.AddAsync(factory, round, 2, seed: 12);

        Assert.Contains("(5 of ", await analyst.GetPageAsync($"/admin/dashboard/{round}"), StringComparison.Ordinal);
    }

    private async Task AssertAuditedAsync(string detailStart)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadinessDbContext>();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Action == "download.dashboard").ToListAsync();
        Assert.Contains(events, e => e.Target == $"round {Round}" && e.Details!.StartsWith(detailStart, StringComparison.Ordinal) && e.Actor.StartsWith("analyst-", StringComparison.Ordinal));
    }

    private (Question Question, QuestionResult Result) FirstSingleChoice()
    {
        var definition = SurveyDefinitionLoader.LoadFile(Repository.File("surveys", "ai-readiness-2024-25.json")).Definition!;
        return definition.Questions
            .Where(q => q.Type == QuestionType.SingleChoice)
            .Select(q => (q, fixture.Content.Questions.FirstOrDefault(r => r.QuestionId == q.Id)))
            .First(x => x.Item2 is not null && x.Item2.Groups.Count(g => g.Breakdown == Breakdowns.Region) > 1)!;
    }

    private string Label(string breakdown, string key) => fixture.Content.Groups.Single(g => g.Breakdown == breakdown && g.Key == key).Label;

    private static List<string> TableRow(string page, string caption, string rowHeader) =>
        TableRowOrNull(page, caption, rowHeader) ?? throw new Xunit.Sdk.XunitException($"No row '{rowHeader}' in table '{caption}'.");

    /// <summary>The cells of the row whose header is <paramref name="rowHeader"/> in the table with the caption (HTML-decoded).</summary>
    private static List<string>? TableRowOrNull(string page, string caption, string rowHeader)
    {
        var start = page.IndexOf($">{System.Net.WebUtility.HtmlEncode(caption)}</caption>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table '{caption}'.");
        var table = page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
        foreach (System.Text.RegularExpressions.Match row in System.Text.RegularExpressions.Regex.Matches(table, "<tr class=\"govuk-table__row\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            var cells = System.Text.RegularExpressions.Regex.Matches(row.Groups[1].Value, "<t[hd][^>]*>(.*?)</t[hd]>", System.Text.RegularExpressions.RegexOptions.Singleline)
                .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value.Trim())).ToList();
            if (cells.Count > 0 && cells[0] == rowHeader)
            {
                return cells;
            }
        }

        return null;
    }
}
