using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Tests.TestSupport;
using static ReadinessSurvey.Tests.TestSupport.SevenCouncils;

namespace ReadinessSurvey.Tests.Aggregation;

/// <summary>
/// The per-council copy's SQL for each provider (no SQL Server needed to see its text), and that the
/// model reads the JSON either provider writes.
/// </summary>
[Trait("Category", "Database")]
public sealed class SnapshotCouncilWriterTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public void Sql_server_builds_the_scores_json_as_text_with_17_digit_numbers()
    {
        var sql = Formatted(sqlite: false);

        Assert.Contains("STRING_AGG(CAST(CONCAT(N'{\"d\":\"', STRING_ESCAPE(s.\"DimensionId\", 'json'), N'\",\"s\":', COALESCE(CONVERT(varchar(30), s.\"Score\", 3), 'null')", sql, StringComparison.Ordinal);
        Assert.StartsWith("INSERT INTO \"SnapshotCouncils\"", sql, StringComparison.Ordinal);
        Assert.Contains("CONCAT(N'[', (SELECT STRING_AGG(", sql, StringComparison.Ordinal);
        Assert.Contains("CONVERT(varchar(30), r.\"OverallScore\", 3)", sql, StringComparison.Ordinal);
        Assert.Contains("STRING_ESCAPE(@p3, 'json')", sql, StringComparison.Ordinal);
        Assert.Contains("WHERE s.\"ReturnId\" = r.\"Id\" AND s.\"DimensionId\" <> @p3", sql, StringComparison.Ordinal);
        Assert.EndsWith("WHERE r.\"RoundId\" = @p1 AND r.\"Status\" = @p2", sql, StringComparison.Ordinal);
        // FOR JSON writes a float with 16 digits, which does not read back as the same double.
        Assert.DoesNotContain("FOR JSON", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("json_", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("||", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_builds_the_scores_json_as_text_with_quoted_ids()
    {
        var sql = Formatted(sqlite: true);

        Assert.Contains("group_concat('{\"d\":' || json_quote(s.\"DimensionId\") || ',\"s\":' || COALESCE(CAST(s.\"Score\" AS TEXT), 'null') || ',\"st\":' || json_quote(s.\"Status\") || '}', ',')", sql, StringComparison.Ordinal);
        Assert.Contains("'{\"d\":' || json_quote(@p3) || ',\"s\":' || COALESCE(CAST(r.\"OverallScore\" AS TEXT), 'null')", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("STRING_AGG", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6.2857142857142854E+001")] // SQL Server's CONVERT style 3
    [InlineData("6.2857142857142854e+001")]
    [InlineData("62.857142857142854")] // SQLite's json_object
    public async Task The_model_reads_either_providers_number_as_the_same_double(string number)
    {
        await using (var db = _database.CreateContext())
        {
            var roundId = await SeedAsync(db);
            await Runner(db).RunAsync(roundId, Questions);
            var json = "[{\"d\":\"adoption\",\"s\":" + number + ",\"st\":\"scored\"},{\"d\":\"overall\",\"s\":null,\"st\":\"insufficient\"}]";
            await db.Database.ExecuteSqlAsync($"UPDATE \"SnapshotCouncils\" SET \"Scores\" = {json} WHERE \"Code\" = 'E06000001'");
        }

        await using var read = _database.CreateContext();
        var council = await read.SnapshotCouncils.AsNoTracking().SingleAsync(c => c.Code == "E06000001");
        Assert.Equal(
            [(Adoption, (double?)62.857142857142854, "scored"), ("overall", null, "insufficient")],
            council.Scores.Select(s => (s.DimensionId, s.Score, s.Status)));
    }

    public void Dispose() => _database.Dispose();

    private static string Formatted(bool sqlite) =>
        string.Format(CultureInfo.InvariantCulture, SnapshotCouncilWriter.InsertSql(sqlite), "@p0", "@p1", "@p2", "@p3");
}
