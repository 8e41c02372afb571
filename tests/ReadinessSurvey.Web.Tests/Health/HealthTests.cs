using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ReadinessSurvey.Tests.Web.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_200_when_the_database_answers()
    {
        using var factory = new ReadinessWebFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Start_up_migrates_the_database_and_loads_the_council_register()
    {
        using var factory = new ReadinessWebFactory();
        using var client = factory.CreateClient();
        await client.GetAsync(new Uri("/health", UriKind.Relative));

        await using var db = factory.Database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(339, await db.Councils.CountAsync());
    }

    [Fact]
    public async Task Health_is_503_when_the_database_cannot_be_read()
    {
        using var factory = new ReadinessWebFactory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);

        // Replace the database with something that is not one: the next query fails.
        foreach (var file in Directory.GetFiles(factory.Database.Folder, "readiness.db*"))
        {
            File.Delete(file);
        }

        await File.WriteAllTextAsync(factory.Database.File, "this is not a SQLite database, it is just text padded out. ".PadRight(4096, '!'));

        // Connections are pooled: the idle one still reads the deleted file. Closed, the next one opens the text.
        factory.Database.CloseIdleConnections();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
