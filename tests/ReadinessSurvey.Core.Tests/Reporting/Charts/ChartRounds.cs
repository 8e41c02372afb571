using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Demo;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Reporting.Mapping;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Reporting.Charts;

/// <summary>
/// Two demo rounds on the default survey, seeded through the respondents' own code paths and aggregated
/// once per test run for every class in the <see cref="DemoRounds"/>: a small one (30 councils,
/// where many groups fall under the publication threshold) and a full one (all 339 councils). Seeding and
/// aggregating the full round is the costliest set-up in the fast loop, so it is done once and only read.
/// </summary>
public sealed class ChartRounds : IAsyncLifetime
{
    public const int Small = 30;
    public const int Full = 339;

    private readonly Dictionary<int, ChartRound> _rounds = [];
    private readonly Dictionary<int, IReadOnlyList<(ChartCase, ChartSvg)>> _charts = [];
    private readonly Lock _lock = new();

    public TestDatabase Database { get; } = new();

    public ChartRound this[int councils] => _rounds[councils];

    public async Task InitializeAsync()
    {
        await using var services = await CoreServices.StartAsync(Database);
        foreach (var councils in new[] { Small, Full })
        {
            var roundId = await Rounds.OpenAsync(services.Services, $"Chart test {councils}");
            await services.WithAsync(sp => sp.GetRequiredService<DemoReturns>().SeedAsync(roundId, councils, seed: 2025));
            await services.WithAsync(sp => sp.GetRequiredService<RoundAggregator>().AggregateAsync(roundId));
            var source = await services.WithAsync(sp => sp.GetRequiredService<ReportService>().LoadAsync(roundId, published: true, CancellationToken.None));
            var council = await services.WithAsync(sp => sp.GetRequiredService<ReportService>().CouncilProfileAsync(roundId, source.CouncilCodes[0], CancellationToken.None));
            _rounds[councils] = new ChartRound(councils, source, SectorReportMapper.Map(source, published: false), SectorReportMapper.Map(source, published: true), council!);
        }
    }

    /// <summary>
    /// Every chart of the round with its SVG read, drawn once. Set READINESS_CHART_DUMP to a folder to
    /// have each chart written there as PNG and SVG, to look at them.
    /// </summary>
    public IReadOnlyList<(ChartCase Case, ChartSvg Svg)> Charts(int councils)
    {
        lock (_lock)
        {
            if (!_charts.TryGetValue(councils, out var charts))
            {
                charts = [.. ChartCatalogue.All(this[councils]).Select(c => (c, new ChartSvg(c.Chart.Svg)))];
                _charts[councils] = charts;
                Dump(councils, charts);
            }

            return charts;
        }
    }

    private static void Dump(int councils, IReadOnlyList<(ChartCase Case, ChartSvg Svg)> charts)
    {
        if (Environment.GetEnvironmentVariable("READINESS_CHART_DUMP") is not { Length: > 0 } folder)
        {
            return;
        }

        var dir = Directory.CreateDirectory(Path.Combine(folder, councils.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var (c, _) in charts)
        {
            var name = c.Name.Replace(' ', '-');
            File.WriteAllBytes(Path.Combine(dir.FullName, name + ".png"), c.Chart.Png);
            File.WriteAllText(Path.Combine(dir.FullName, name + ".svg"), c.Chart.Svg);
            File.WriteAllText(Path.Combine(dir.FullName, name + ".txt"), c.Chart.AltText);
        }
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The classes that read the two seeded demo rounds; none of them changes the rounds.</summary>
[CollectionDefinition(Name)]
public sealed class DemoRounds : ICollectionFixture<ChartRounds>
{
    public const string Name = "Demo rounds";
}

/// <summary>One seeded round's report models: internal (every figure) and published (small groups withheld).</summary>
public sealed record ChartRound(int Councils, ReportSource Source, SectorReportModel Internal, SectorReportModel Published, CouncilBenchmarkModel Council);
