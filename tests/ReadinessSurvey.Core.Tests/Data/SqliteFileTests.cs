using ReadinessSurvey.Data;

namespace ReadinessSurvey.Tests.Data;

/// <summary>Which SQLite connection strings point at a file (a second connection, the data folder and the start-up log rely on it).</summary>
public sealed class SqliteFileTests
{
    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=readiness;Mode=Memory;Cache=Shared")]
    [InlineData("Mode=Memory")]
    public void In_memory_databases_have_no_file(string connectionString) =>
        Assert.Null(DataServiceCollectionExtensions.SqliteFile(connectionString));

    [Fact]
    public void A_file_database_gives_its_full_path() =>
        Assert.Equal(Path.GetFullPath("data/readiness.db"), DataServiceCollectionExtensions.SqliteFile("Data Source=data/readiness.db;Pooling=False"));
}
