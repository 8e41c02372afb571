using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Reporting.Mapping;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Reporting;

/// <summary>
/// The export's row reader: each submitted return's answers come from its latest submission record, and
/// a return without a readable record is read from its answer rows, giving the same rows either way,
/// including rows the app would not write today.
/// </summary>
[Trait("Category", "Database")]
public sealed class ExportRowReaderTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Submission_records_and_answer_rows_give_the_same_rows_in_return_order()
    {
        var round = await ReportRound.SeedAsync(_database, aggregate: false);

        var fromRecords = await ReadAsync();
        await using (var db = _database.CreateContext())
        {
            Assert.Equal(11, await db.SubmissionEvents.CountAsync());
            await db.SubmissionEvents.ExecuteDeleteAsync();
        }

        var fromRows = await ReadAsync();

        Assert.Equal(11, fromRecords.Count);
        Assert.Equal(fromRows.Select(Describe), fromRecords.Select(Describe));
        Assert.Equal(round.Submitted.Order(StringComparer.Ordinal).ToList(), fromRecords.Select(r => r.CouncilCode).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(ReportRound.HostileOther, fromRecords.Single(r => r.Answers.GetValueOrDefault("B2")?.Other is not null).Answers["B2"].Other);
        Assert.Equal(ReportRound.Hostile, fromRecords[0].Answers["B4"].Text);
        Assert.Equal(DateTimeKind.Utc, fromRecords[0].SubmittedAt!.Value.Kind);
        Assert.Equal(ReportRound.Now.UtcDateTime.AddDays(-1), fromRecords[0].SubmittedAt);
        Assert.Equal(["dont-know"], fromRecords[4].Answers["E1"].Codes);
        foreach (var rows in new[] { fromRecords, fromRows })
        {
            var sameChoice = rows.Where(r => r.Answers.ContainsKey("E1")).Select(r => r.Answers["E1"]).GroupBy(a => a.Codes[0]).First(g => g.Count() > 1);
            Assert.Same(sameChoice.First(), sameChoice.Last()); // choice answers are shared, not made per row
        }
    }

    [Fact]
    public async Task Answer_rows_are_read_for_returns_without_a_readable_record_including_odd_rows()
    {
        await ReportRound.SeedAsync(_database, aggregate: false);
        List<int> returns;
        await using (var db = _database.CreateContext())
        {
            returns = await db.Returns.Where(r => r.Status == ReturnStatus.Submitted).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();

            // Returns 0 to 7 lose their records (or get unreadable ones), so their answer rows are read, with:
            // unreadable JSON for a multiple choice (read back from its ticks' rows), "don't know"
            // to a multiple choice, a number kept only in its JSON, a question no longer asked, no answers
            // at all, an unknown member (ignored), and content after the object (unreadable).
            await db.SubmissionEvents.Where(e => e.ReturnId <= returns[5]).ExecuteDeleteAsync();
            await db.SubmissionEvents.Where(e => e.ReturnId == returns[6]).ExecuteUpdateAsync(e => e.SetProperty(x => x.AnswersJson, "{not json"));
            await db.SubmissionEvents.Where(e => e.ReturnId == returns[7]).ExecuteUpdateAsync(e => e.SetProperty(x => x.AnswersJson, "[]"));
            await db.Database.ExecuteSqlAsync($"UPDATE Answers SET ValueJson = '{{not json', Choice = NULL WHERE ReturnId = {returns[0]} AND QuestionId = 'B2'");
            await db.Database.ExecuteSqlAsync($"UPDATE Answers SET ValueJson = '{{\"dk\":true}}', Choice = 'dont-know' WHERE ReturnId = {returns[5]} AND QuestionId = 'B2'");
            await db.Database.ExecuteSqlAsync($"UPDATE Answers SET ValueJson = '{{\"n\":7.5}}', Number = NULL WHERE ReturnId = {returns[2]} AND QuestionId = 'B3'");
            await db.Database.ExecuteSqlAsync($"INSERT INTO Answers (ReturnId, QuestionId, ValueJson, Choice, Version, UpdatedAt) VALUES ({returns[3]}, 'Z9', '{{}}', 'gone', 1, '2025-03-01 00:00:00')");
            await db.Database.ExecuteSqlAsync($"DELETE FROM Answers WHERE ReturnId = {returns[4]}");
            await db.Database.ExecuteSqlAsync($"UPDATE Answers SET ValueJson = '{{\"o\":[\"vision\",\"new\"],\"x\":null,\"extra\":1}}' WHERE ReturnId = {returns[6]} AND QuestionId = 'B2'");
            await db.Database.ExecuteSqlAsync($"UPDATE Answers SET ValueJson = '{{\"o\":[\"vision\"]}} trailing' WHERE ReturnId = {returns[7]} AND QuestionId = 'B2'");
        }

        var rows = await ReadAsync();

        Assert.Equal(11, rows.Count);
        Assert.Equal(["predictive", "generative"], rows[0].Answers["B2"].Codes.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal("", Describe(rows[5].Answers["B2"])); // "don't know" is not an option of a multiple choice
        Assert.Equal(7.5m, rows[2].Answers["B3"].Number);
        Assert.DoesNotContain("Z9", rows[3].Answers.Keys);
        Assert.Empty(rows[4].Answers);
        Assert.Equal(["vision", "new"], rows[6].Answers["B2"].Codes);
        Assert.Equal(["generative"], rows[7].Answers["B2"].Codes); // unreadable JSON: its ticks' rows
        Assert.Equal(ReportRound.Hostile, rows[0].Answers["B4"].Text);
    }

    [Fact]
    public async Task The_latest_submission_record_is_read_and_odd_members_of_it_are_skipped_or_empty()
    {
        await ReportRound.SeedAsync(_database, aggregate: false);
        await using (var db = _database.CreateContext())
        {
            var first = await db.Returns.Where(r => r.Status == ReturnStatus.Submitted).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            // Submitted, reopened and submitted again: the second record is the return as it stands.
            db.SubmissionEvents.Add(new SubmissionEvent { ReturnId = first, Kind = SubmissionEventKind.Reopened, At = ReportRound.Now.UtcDateTime, Actor = "Policy team", Reason = "Correction" });
            db.SubmissionEvents.Add(new SubmissionEvent
            {
                ReturnId = first, Kind = SubmissionEventKind.Submitted, At = ReportRound.Now.UtcDateTime, Actor = "Test respondent",
                // A question no longer asked (skipped), an escaped id, an unreadable answer (empty), an array member (empty).
                AnswersJson = """{"B1":{"o":["live"]},"B\u0033":{"n":42},"B2":{"o":"vision"},"E1":[],"E2":{"n":4,"dk":false},"Z9":{"o":["x"]}}""",
            });
            await db.SaveChangesAsync();
        }

        var row = (await ReadAsync())[0];

        Assert.Equal(["B1", "B2", "B3", "E1", "E2"], row.Answers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["live"], row.Answers["B1"].Codes);
        Assert.Equal(42m, row.Answers["B3"].Number);
        Assert.Empty(row.Answers["B2"].Codes);
        Assert.Empty(row.Answers["E1"].Codes);
        Assert.Equal(["4"], row.Answers["E2"].Codes);
    }

    [Fact]
    public void The_batch_query_translates_for_SQL_Server_with_the_latest_submission_record()
    {
        using var db = ReadinessSurvey.Data.DataServiceCollectionExtensions.CreateContext(
            ReadinessSurvey.Data.DatabaseProvider.SqlServer, "Server=(offline);Database=Readiness;Trusted_Connection=True;TrustServerCertificate=True");

        var sql = ExportRowReader.Batch(db, 1, 0).ToQueryString();

        Assert.Contains("SELECT TOP(@", sql, StringComparison.Ordinal);
        Assert.Contains("[AnswersJson]", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [s].[Id] DESC", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [r].[Id]", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"o":["a","b"],"x":"other"}""")]
    [InlineData("""{"t":"text"}""")]
    [InlineData("""{"n":12.50}""")]
    [InlineData("""{"n":null,"b":true}""")]
    [InlineData("""{"b":false}""")]
    [InlineData("""{"dk":true}""")]
    [InlineData("""{"o":[],"dk":false}""")]
    [InlineData("""{}""")]
    public void The_fast_answer_reader_reads_what_the_serializer_reads(string json)
    {
        var question = ReportRound.Definition.FindQuestion("B2")!;

        var fast = ReadWhole(new AnswerJsonReader(question), json);

        Assert.NotNull(fast);
        Assert.Equal(AnswerValue.FromJson(json), fast);
    }

    [Theory]
    [InlineData("""{"n":"5"}""")]
    [InlineData("""{"b":1}""")]
    [InlineData("""{"dk":null}""")]
    [InlineData("""{"q":1}""")]
    [InlineData("""{"o":["a"]} trailing""")]
    public void The_fast_answer_reader_leaves_anything_else_to_the_serializer(string json) =>
        Assert.Null(ReadWhole(new AnswerJsonReader(ReportRound.Definition.FindQuestion("B2")!), json));

    /// <summary>One stored answer as a whole document, as the serializer reads it: nothing may follow the object.</summary>
    private static AnswerValue? ReadWhole(AnswerJsonReader fast, string json)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
            return reader.Read() && fast.TryRead(ref reader) is { } value && !reader.Read() ? value : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private async Task<List<ExportRow>> ReadAsync()
    {
        await using var db = _database.CreateContext();
        var round = await db.Rounds.SingleAsync();
        var rows = new List<ExportRow>();
        await foreach (var row in ExportRowReader.RowsAsync(db, round.Id, ReportRound.Definition))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static string Describe(ExportRow row) =>
        string.Join(" | ", new[] { row.CouncilCode, row.CouncilName, row.CouncilType, row.Region, row.Status,
                row.SubmittedAt?.ToString("O", CultureInfo.InvariantCulture), row.Overall?.ToString(CultureInfo.InvariantCulture),
                row.Level?.ToString(CultureInfo.InvariantCulture) }
            .Concat(row.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + ": " + Describe(a.Value))));

    private static string Describe(ExportAnswer answer) =>
        answer.Codes.Count == 0 && answer.Number is null && answer.Text is null && answer.Other is null
            ? ""
            : $"codes [{string.Join(",", answer.Codes)}] number {answer.Number?.ToString(CultureInfo.InvariantCulture)} text {answer.Text} other {answer.Other}";

    public void Dispose() => _database.Dispose();
}
