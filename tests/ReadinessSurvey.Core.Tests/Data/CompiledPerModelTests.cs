using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Data;

public sealed class CompiledPerModelTests
{
    private const string OfflineSqlServer = "Server=(offline);Database=Readiness;Trusted_Connection=True;TrustServerCertificate=True";

    [Fact]
    public async Task A_query_is_compiled_once_per_model_and_runs_after_another_model_compiled_it_first()
    {
        var compiles = 0;
        var councils = new CompiledPerModel<Func<ReadinessDbContext, Task<int>>>(() =>
        {
            compiles++;
            return EF.CompileAsyncQuery((ReadinessDbContext db) => db.Councils.Count());
        });
        using var sqlServer = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.SqlServer, OfflineSqlServer);
        using var database = new TestDatabase();
        using var first = database.CreateContext();
        using var second = database.CreateContext();

        var forSqlServer = councils.For(sqlServer);
        var forSqlite = councils.For(first);

        Assert.NotSame(forSqlServer, forSqlite);
        Assert.Same(forSqlite, councils.For(second));
        Assert.Equal(2, compiles);
        Assert.Equal(await second.Councils.CountAsync(), await forSqlite(second));
    }
}
