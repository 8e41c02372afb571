using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Reporting.Mapping;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Reporting;

/// <summary>
/// The export's row reader: SQLite's own API on one connection or on two (the fast paths) and ADO.NET
/// (the path other providers take) give the same rows in the same order, including rows the app would
/// not write today.
/// </summary>
public sealed class ExportRowReaderTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task SqliteAndAdoNet_ReadTheSameRows_IncludingOddOnes()
    {
        var round = await ReportRound.SeedAsync(_database, aggregate: false);
        await using (var db = _database.CreateContext())
        {
            var returns = await db.Returns.Where(r => r.RoundId == round.RoundId && r.Status == ReturnStatus.Submitted)
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
            // Unreadable JSON for a multiple choice (read back from the columns: nothing chosen), "don't
            // know" to a multiple choice, a number kept only in its JSON, a question no longer asked, and a
            // submitted return without answers.
            await db.Database.ExecuteSqlAsync($"UPDATE Answers SET ValueJson = '{{not json', Choice = NULL WHERE ReturnId = {returns[0]} AND QuestionId = 'B2'");
            await db.Database.ExecuteSqlAsync($"UPDATE Answers SET ValueJson = '{{\"dk\":true}}', Choice = 'dont-know' WHERE ReturnId = {returns[5]} AND QuestionId = 'B2'");
            await db.Database.ExecuteSqlAsync($"UPDATE Answers SET ValueJson = '{{\"n\":7.5}}', Number = NULL WHERE ReturnId = {returns[2]} AND QuestionId = 'B3'");
            await db.Database.ExecuteSqlAsync($"INSERT INTO Answers (ReturnId, QuestionId, ValueJson, Choice, Version, UpdatedAt) VALUES ({returns[3]}, 'Z9', '{{}}', 'gone', 1, '2025-03-01 00:00:00')");
            await db.Database.ExecuteSqlAsync($"DELETE FROM Answers WHERE ReturnId = {returns[4]}");
            // JSON the fast reader leaves to the serializer: an unknown property (ignored), content after the object (unreadable).
            await db.Database.ExecuteSqlAsync($"UPDATE Answers SET ValueJson = '{{\"o\":[\"vision\",\"new\"],\"x\":null,\"extra\":1}}' WHERE ReturnId = {returns[6]} AND QuestionId = 'B2'");
            await db.Database.ExecuteSqlAsync($"UPDATE Answers SET ValueJson = '{{\"o\":[\"vision\"]}} trailing' WHERE ReturnId = {returns[7]} AND QuestionId = 'B2'");
        }

        var native = await ReadAsync(native: true, chunkReturns: 0);
        var adoNet = await ReadAsync(native: false, chunkReturns: 0);
        var parallel = await ReadAsync(native: true, chunkReturns: 3); // four chunks on two connections
        var parallelDefault = await ReadAsync(native: true, chunkReturns: 1000);

        Assert.Equal(11, native.Count);
        Assert.Equal(adoNet.Select(Describe), native.Select(Describe));
        Assert.Equal(adoNet.Select(Describe), parallel.Select(Describe));
        Assert.Equal(adoNet.Select(Describe), parallelDefault.Select(Describe));
        Assert.Equal(round.Submitted.Order(StringComparer.Ordinal).ToList(), parallel.Select(r => r.CouncilCode).Order(StringComparer.Ordinal).ToList());
        Assert.Equal("", Describe(native[0].Answers["B2"]));
        Assert.Equal("", Describe(native[5].Answers["B2"]));
        Assert.Equal(7.5m, native[2].Answers["B3"].Number);
        Assert.Equal(["vision", "new"], native[6].Answers["B2"].Codes);
        Assert.Empty(native[7].Answers["B2"].Codes);
        Assert.DoesNotContain("Z9", native[3].Answers.Keys);
        Assert.Empty(native[4].Answers);
        Assert.Equal(ReportRound.HostileOther, native.Single(r => r.Answers.GetValueOrDefault("B2")?.Other is not null).Answers["B2"].Other);
        Assert.Equal(ReportRound.Hostile, native[0].Answers["B4"].Text);
        Assert.Equal(DateTimeKind.Utc, native[0].SubmittedAt!.Value.Kind);
        Assert.Equal(ReportRound.Now.UtcDateTime.AddDays(-1), native[0].SubmittedAt);
        var sameChoice = native.Where(r => r.Answers.ContainsKey("E1")).Select(r => r.Answers["E1"]).GroupBy(a => a.Codes[0]).First(g => g.Count() > 1);
        Assert.Same(sameChoice.First(), sameChoice.Last()); // choice answers are shared, not made per row
    }

    private async Task<List<ExportRow>> ReadAsync(bool native, int chunkReturns)
    {
        await using var db = _database.CreateContext();
        var round = await db.Rounds.SingleAsync();
        var rows = new List<ExportRow>();
        await foreach (var row in ExportRowReader.RowsAsync(db, round.Id, ReportRound.Definition, native, chunkReturns))
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
