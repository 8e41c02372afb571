using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Demo;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Reporting;

/// <summary>Reports of a round whose current snapshot is counted but not yet protected (decision 0093).</summary>
[Trait("Category", "Database")]
[Trait("Category", "Slow")]
public sealed class ProtectedReportTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_published_report_protects_a_counted_round_first_while_internal_reports_and_the_profile_page_never_wait()
    {
        await using var services = await CoreServices.StartAsync(_database);
        var roundId = await Rounds.OpenAsync(services.Services, "Counted only");
        await services.WithAsync(sp => sp.GetRequiredService<DemoReturns>().SeedAsync(roundId, 3, seed: 4));
        var counted = await services.WithAsync(sp => sp.GetRequiredService<RoundAggregator>().CountAsync(roundId));
        Assert.Null(counted.SuppressedCells);
        using var folder = new OutputFolder();

        // The internal workbook is made from the counted snapshot as it is: nothing is protected, no new run.
        var sector = await services.WithAsync(sp => sp.GetRequiredService<ReportService>().GenerateFilesAsync(roundId, ReportKinds.Sector, null, folder.Path, null, default));
        var afterSector = (await services.WithAsync(sp => sp.GetRequiredService<SnapshotReader>().GetCurrentSnapshotAsync(roundId)))!;
        Assert.True(File.Exists(sector.Path));
        Assert.Equal((counted.SnapshotId, false), (afterSector.Id, afterSector.IsProtected));

        // The confirmation page's benchmark shows only what is protected: nothing yet, and it does not wait for it.
        var code = SnapshotJson.ReadContent(afterSector).Councils[0].Code;
        Assert.Null(await services.WithAsync(sp => sp.GetRequiredService<ReportService>().CouncilProfileAsync(roundId, code, default)));

        // The published workbook needs the published view: the round is aggregated and protected first.
        var published = await services.WithAsync(sp => sp.GetRequiredService<ReportService>().GenerateFilesAsync(roundId, ReportKinds.Published, null, folder.Path, null, default));
        var current = (await services.WithAsync(sp => sp.GetRequiredService<SnapshotReader>().GetCurrentSnapshotAsync(roundId)))!;
        Assert.True(File.Exists(published.Path));
        Assert.True(current.IsProtected);
        Assert.NotEqual(counted.SnapshotId, current.Id);
        Assert.Equal(afterSector.ContentJson, current.ContentJson);
        Assert.NotEmpty(SnapshotJson.ReadSuppressionLog(current));
        Assert.NotNull(await services.WithAsync(sp => sp.GetRequiredService<ReportService>().CouncilProfileAsync(roundId, code, default)));

        // A second published report finds the current snapshot protected and makes no new one.
        await services.WithAsync(sp => sp.GetRequiredService<ReportService>().GenerateFilesAsync(roundId, ReportKinds.Published, null, folder.Path, null, default));
        Assert.Equal(current.Id, (await services.WithAsync(sp => sp.GetRequiredService<SnapshotReader>().GetCurrentSnapshotIdAsync(roundId)))!.Value);
    }
}
