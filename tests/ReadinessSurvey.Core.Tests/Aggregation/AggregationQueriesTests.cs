using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Tests.Aggregation;

/// <summary>The count queries translate to GROUP BY on SQL Server too (no server needed to see the SQL).</summary>
public sealed class AggregationQueriesTests : IDisposable
{
    private const string OfflineSqlServer = "Server=(offline);Database=x;Trusted_Connection=True;TrustServerCertificate=True";

    private readonly ReadinessDbContext _db = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.SqlServer, OfflineSqlServer);

    public static TheoryData<string> GroupedQueries => ["choice", "selection", "numbers", "scores", "registered", "invited", "submitted"];

    [Theory]
    [MemberData(nameof(GroupedQueries))]
    public void Count_query_groups_in_the_database_on_sql_server(string name)
    {
        var sql = Query(name).ToQueryString();

        Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        Assert.Contains("COUNT", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void ChoiceCounts_joins_councils_and_groups_by_every_breakdown_key()
    {
        var sql = AggregationQueries.ChoiceCounts(_db, 1, ["B1"], ["B2"]).ToQueryString();

        Assert.Contains("INNER JOIN [Councils]", sql, StringComparison.Ordinal);
        foreach (var column in new[] { "[QuestionId]", "[Choice]", "[TypeCode]", "[RegionCode]", "[Tier]", "[MaturityLevel]" })
        {
            Assert.Contains(column, sql[sql.IndexOf("GROUP BY", StringComparison.Ordinal)..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SelectionCounts_counts_distinct_returns()
    {
        Assert.Contains("COUNT(DISTINCT", AggregationQueries.SelectionCounts(_db, 1, ["B2"]).ToQueryString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_and_scores_are_counted_per_value_not_read_per_answer()
    {
        foreach (var sql in new[] { AggregationQueries.NumberCounts(_db, 1, ["B3"]).ToQueryString(), AggregationQueries.ScoreCounts(_db, 1).ToQueryString() })
        {
            var groupBy = sql[sql.IndexOf("GROUP BY", StringComparison.Ordinal)..];
            Assert.True(groupBy.Contains("[Number]", StringComparison.Ordinal) || groupBy.Contains("[Score]", StringComparison.Ordinal), sql);
        }
    }

    [Fact]
    public void NotSubmitted_and_versions_translate_on_sql_server()
    {
        Assert.Contains("NOT EXISTS", AggregationQueries.NotSubmitted(_db, 1).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("ORDER BY", AggregationQueries.SubmittedVersions(_db, 1).ToQueryString(), StringComparison.Ordinal);
    }

    public void Dispose() => _db.Dispose();

    private IQueryable<object> Query(string name) => name switch
    {
        "choice" => AggregationQueries.ChoiceCounts(_db, 1, ["B1"], ["B2"]),
        "selection" => AggregationQueries.SelectionCounts(_db, 1, ["B2"]),
        "numbers" => AggregationQueries.NumberCounts(_db, 1, ["B3"]),
        "scores" => AggregationQueries.ScoreCounts(_db, 1),
        "registered" => AggregationQueries.RegisteredCounts(_db),
        "invited" => AggregationQueries.InvitedCounts(_db, 1),
        "submitted" => AggregationQueries.SubmittedCounts(_db, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
