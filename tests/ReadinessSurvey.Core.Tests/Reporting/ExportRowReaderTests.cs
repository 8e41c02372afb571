using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Reporting.Mapping;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Reporting;

/// <summary>The export's row reader: each submitted return's answers come from its latest submission record, in return order.</summary>
[Trait("Category", "Database")]
public sealed class ExportRowReaderTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Rows_come_from_the_submission_records_in_return_order()
    {
        var round = await ReportRound.SeedAsync(_database, aggregate: false);

        var rows = await ReadAsync();

        Assert.Equal(11, rows.Count);
        Assert.Equal(round.Submitted.Order(StringComparer.Ordinal).ToList(), rows.Select(r => r.CouncilCode).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(ReportRound.HostileOther, rows.Single(r => r.Answers.GetValueOrDefault("B2")?.Other is not null).Answers["B2"].Other);
        Assert.Equal(ReportRound.Hostile, rows[0].Answers["B4"].Text);
        Assert.Equal(DateTimeKind.Utc, rows[0].SubmittedAt!.Value.Kind);
        Assert.Equal(ReportRound.Now.UtcDateTime.AddDays(-1), rows[0].SubmittedAt);
        Assert.Equal([AnswerStorage.DontKnowCode], rows[4].Answers["E1"].Codes);

        // The working answers are not read: clearing them changes nothing in the export.
        await using (var db = _database.CreateContext())
        {
            await db.Answers.ExecuteDeleteAsync();
        }

        Assert.Equal(rows.Select(Describe), (await ReadAsync()).Select(Describe));
    }

    [Fact]
    public async Task The_latest_submission_record_is_read_and_questions_no_longer_asked_are_skipped()
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
                AnswersJson = """{"B1":{"o":["live"]},"B3":{"n":42},"E2":{"n":4},"Z9":{"o":["x"]}}""",
            });
            await db.SaveChangesAsync();
        }

        var row = (await ReadAsync())[0];

        Assert.Equal(["B1", "B3", "E2"], row.Answers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["live"], row.Answers["B1"].Codes);
        Assert.Equal(42m, row.Answers["B3"].Number);
        Assert.Equal(["4"], row.Answers["E2"].Codes);
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
        string.Join(" | ", new[] { row.CouncilCode, row.Status, row.Overall?.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Concat(row.Answers.OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => $"{a.Key}: [{string.Join(",", a.Value.Codes)}] {a.Value.Number} {a.Value.Text} {a.Value.Other}")));

    public void Dispose() => _database.Dispose();
}
