using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Tests.Aggregation;

/// <summary>The count queries translate to GROUP BY on SQL Server too (no server needed to see the SQL).</summary>
public sealed class AggregationQueriesTests : IDisposable
{
    private const string OfflineSqlServer = "Server=(offline);Database=x;Trusted_Connection=True;TrustServerCertificate=True";

    private readonly ReadinessDbContext _db = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.SqlServer, OfflineSqlServer);

    public static TheoryData<string> GroupedQueries => ["registered", "invited", "submitted"];

    [Theory]
    [MemberData(nameof(GroupedQueries))]
    public void Count_query_groups_in_the_database_on_sql_server(string name)
    {
        var sql = Query(name).ToQueryString();

        Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        Assert.Contains("COUNT", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void NotSubmitted_versions_and_scores_translate_on_sql_server()
    {
        Assert.Contains("JOIN", AggregationQueries.DimensionScores(_db, 1).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("NOT EXISTS", AggregationQueries.NotSubmitted(_db, 1).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("ORDER BY", AggregationQueries.SubmittedVersions(_db, 1).ToQueryString(), StringComparison.Ordinal);
    }

    public void Dispose() => _db.Dispose();

    private IQueryable<object> Query(string name) => name switch
    {
        "registered" => AggregationQueries.RegisteredCounts(_db),
        "invited" => AggregationQueries.InvitedCounts(_db, 1),
        "submitted" => AggregationQueries.SubmittedCounts(_db, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
