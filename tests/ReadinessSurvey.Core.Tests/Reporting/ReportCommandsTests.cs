using ReadinessSurvey.Cli;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Reporting;

/// <summary>The report commands run in-process through CliApp against a seeded test database.</summary>
[Trait("Category", "Database")]
public sealed class ReportCommandsTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly OutputFolder _folder = new();

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, ReportRound.Settings(_database));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Report_WritesFilesAndPrintsTheirPaths()
    {
        var seeded = await ReportRound.SeedAsync(_database);
        var round = seeded.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var published = await RunAsync("report", "published", "--round", round, "--out", _folder.Path);
        var council = await RunAsync("report", "council", seeded.Submitted[0], "--round", round, "--out", _folder.Path);
        var export = await RunAsync("report", "export", "--round", round, "--out", _folder.Path);

        Assert.True(published.Exit == 0, published.Error);
        Assert.True(File.Exists(published.Output.Trim()));
        Assert.Equal(0, council.Exit);
        Assert.Matches($@"council-{seeded.Submitted[0].ToLowerInvariant()}-\d{{4}}-\d{{2}}-\d{{2}}\.xlsx$", council.Output.Trim());
        Assert.Equal(3, export.Output.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task Report_BadArguments_FailWithAMessage()
    {
        var seeded = await ReportRound.SeedAsync(_database, aggregate: false);
        var round = seeded.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var noRound = await RunAsync("report", "sector");
        var noCode = await RunAsync("report", "council", "--round", round);
        var noSnapshot = await RunAsync("report", "sector", "--round", round, "--out", _folder.Path);
        var unknownKind = await RunAsync("report", "everything", "--round", round);

        Assert.NotEqual(0, noRound.Exit);
        Assert.Contains("--round", noRound.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, noCode.Exit);
        Assert.NotEqual(0, noSnapshot.Exit);
        Assert.Contains($"Run 'aggregate --round {round}' first", noSnapshot.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, unknownKind.Exit);
    }

    public void Dispose()
    {
        _folder.Dispose();
        _database.Dispose();
    }
}
