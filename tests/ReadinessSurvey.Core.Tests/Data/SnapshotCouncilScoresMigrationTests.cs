using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReadinessSurvey.Data;
using ReadinessSurvey.Tests.TestSupport;
using static ReadinessSurvey.Tests.TestSupport.SevenCouncils;

namespace ReadinessSurvey.Tests.Data;

/// <summary>
/// The migration that moved snapshot council scores from their own table into a JSON column keeps the
/// scores of existing snapshots, both ways, as the same doubles.
/// </summary>
public sealed class SnapshotCouncilScoresMigrationTests : IDisposable
{
    private const string BeforeJson = "20261127101434_AnswerTickCounts";
    private const double Seventh = 62.857142857142854;

    private readonly TestDatabase _database = new(DatabaseProvider.Sqlite);

    [Fact]
    public async Task Scores_move_to_rows_when_migrating_down_and_back_into_json_when_migrating_up()
    {
        await using (var db = _database.CreateContext())
        {
            var roundId = await SeedAsync(db);
            var a = await db.ReturnScores.SingleAsync(s => s.DimensionId == Governance && s.Score == 80);
            a.Score = Seventh;
            await db.SaveChangesAsync();
            await Runner(db).RunAsync(roundId, Questions);
        }

        var before = await ScoresAsync();
        Assert.Equal(7 * 3, before.Count);

        await using (var db = _database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeJson);
            var rows = await db.Database.SqlQueryRaw<ScoreRow>(
                "SELECT c.\"Code\", s.\"DimensionId\", s.\"Score\", s.\"Status\" FROM \"SnapshotCouncilScores\" AS s " +
                "INNER JOIN \"SnapshotCouncils\" AS c ON c.\"SnapshotId\" = s.\"SnapshotId\" AND c.\"CouncilId\" = s.\"CouncilId\"").ToListAsync();
            Assert.Equal(before, Sorted(rows.Select(r => (r.Code, r.DimensionId, r.Score, r.Status))));
            Assert.Contains(rows, r => r is { Code: "E06000001", DimensionId: Governance, Score: Seventh });
            Assert.Contains(rows, r => r is { Code: "E10000002", DimensionId: Adoption, Score: null, Status: "insufficient" });

            await db.Database.MigrateAsync();
        }

        Assert.Equal(before, await ScoresAsync());
    }

    public void Dispose() => _database.Dispose();

    private async Task<List<(string Code, string DimensionId, double? Score, string Status)>> ScoresAsync()
    {
        await using var db = _database.CreateContext();
        var councils = await db.SnapshotCouncils.AsNoTracking().ToListAsync();
        return Sorted(councils.SelectMany(c => c.Scores.Select(s => (c.Code, s.DimensionId, s.Score, s.Status))));
    }

    private static List<(string Code, string DimensionId, double? Score, string Status)> Sorted(
        IEnumerable<(string Code, string DimensionId, double? Score, string Status)> scores) =>
        [.. scores.OrderBy(s => s.Code, StringComparer.Ordinal).ThenBy(s => s.DimensionId, StringComparer.Ordinal)];

    private sealed class ScoreRow
    {
        public required string Code { get; set; }

        public required string DimensionId { get; set; }

        public double? Score { get; set; }

        public required string Status { get; set; }
    }
}
