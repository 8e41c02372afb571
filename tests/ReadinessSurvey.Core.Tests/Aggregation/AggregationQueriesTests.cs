using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Tests.Aggregation;

/// <summary>The count queries translate to GROUP BY on SQL Server too, and the breakdown counts have a SQL Server form (no server needed to see the SQL).</summary>
public sealed class AggregationQueriesTests : IDisposable
{
    private const string OfflineSqlServer = "Server=(offline);Database=x;Trusted_Connection=True;TrustServerCertificate=True";

    private readonly ReadinessDbContext _db = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.SqlServer, OfflineSqlServer);

    public static TheoryData<string> GroupedQueries => ["registered", "invited", "submitted"];

    private static readonly GroupInfo[] Groups =
    [
        new(Breakdowns.Type, "E06", "Unitary"), new(Breakdowns.Type, "E07", "District"),
        new(Breakdowns.Region, "E12000002", "North West"), new(Breakdowns.Tier, "unitary", "unitary"),
    ];

    [Theory]
    [MemberData(nameof(GroupedQueries))]
    public void Count_query_groups_in_the_database_on_sql_server(string name)
    {
        var sql = Query(name).ToQueryString();

        Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        Assert.Contains("COUNT", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Breakdown_counts_on_sql_server_use_count_case_and_a_temporary_table()
    {
        var sql = BreakdownCounts.ForSql(_db, Groups).Sql("a.\"QuestionId\", a.\"Choice\"", "\"Answers\" AS a", "a.\"ReturnId\"", "a.\"QuestionId\" IN ({0})", 2, distinct: false);

        Assert.Contains("CROSS JOIN #AggregationCells AS x", sql, StringComparison.Ordinal);
        Assert.Contains("IN (@p0, @p1)", sql, StringComparison.Ordinal);
        Assert.EndsWith("GROUP BY a.\"QuestionId\", a.\"Choice\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("FILTER", sql, StringComparison.Ordinal);
        // Total, two types, one region, one tier and five maturity levels.
        Assert.Equal(9, CountOf(sql, "COUNT(CASE WHEN x."));
        Assert.Contains("COUNT(CASE WHEN x.\"T\" = 1 THEN 1 END)", sql, StringComparison.Ordinal);
        Assert.Contains("COUNT(CASE WHEN x.\"M\" = 5 THEN 1 END)", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Distinct_breakdown_counts_on_sql_server_count_distinct_returns()
    {
        var sql = BreakdownCounts.ForSql(_db, Groups).Sql("s.\"QuestionId\", s.\"Value\"", "\"AnswerSelections\" AS s", "s.\"ReturnId\"", "s.\"QuestionId\" IN ({0})", 1, distinct: true);

        Assert.StartsWith("SELECT s.\"QuestionId\", s.\"Value\", COUNT(DISTINCT s.\"ReturnId\")", sql, StringComparison.Ordinal);
        Assert.Equal(9, CountOf(sql, "COUNT(DISTINCT CASE WHEN x."));
    }

    [Fact]
    public void Breakdown_counts_on_sqlite_use_filter_clauses()
    {
        using var sqlite = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        var sql = BreakdownCounts.ForSql(sqlite, Groups).Sql("a.\"QuestionId\"", "\"Answers\" AS a", "a.\"ReturnId\"", "a.\"QuestionId\" IN ({0})", 1, distinct: false, checkDistinct: true);

        Assert.Contains("CROSS JOIN temp.\"AggregationCells\" AS x", sql, StringComparison.Ordinal);
        Assert.Equal(9, CountOf(sql, "COUNT(*) FILTER (WHERE x."));
        Assert.Contains("COUNT(DISTINCT a.\"ReturnId\")", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void NotSubmitted_and_versions_translate_on_sql_server()
    {
        Assert.Contains("NOT EXISTS", AggregationQueries.NotSubmitted(_db, 1).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("ORDER BY", AggregationQueries.SubmittedVersions(_db, 1).ToQueryString(), StringComparison.Ordinal);
    }

    public void Dispose() => _db.Dispose();

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private IQueryable<object> Query(string name) => name switch
    {
        "registered" => AggregationQueries.RegisteredCounts(_db),
        "invited" => AggregationQueries.InvitedCounts(_db, 1),
        "submitted" => AggregationQueries.SubmittedCounts(_db, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
