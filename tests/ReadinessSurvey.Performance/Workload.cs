using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;
using ReadinessSurvey.Demo;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Performance;

/// <summary>
/// The measured database: a real SQLite file in a folder of its own, holding rounds of 339 councils'
/// returns written by the demo seeder through the respondents' own code (invitation, contributor, save,
/// validation, submission), each aggregated and then closed, as past rounds are. Reports, published files
/// and everything else the platform writes go to the same folder, never into the checkout.
/// </summary>
internal sealed class Workload : IAsyncDisposable
{
    public const string RoundPrefix = "Performance round ";

    private readonly IHost _host;
    private readonly bool _keep;

    private Workload(string folder, bool keep)
    {
        Folder = folder;
        _keep = keep;
        Settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Readiness"] = $"Data Source={Path.Combine(folder, "readiness.db")}",
            ["Reports:Folder"] = Path.Combine(folder, "reports"),
            ["Storage:DataFolder"] = Path.Combine(folder, "data"),
            ["Storage:SurveysFolder"] = Path.Combine(AppContext.BaseDirectory, "surveys"),
        };

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Logging.ClearProviders();
        builder.Services.AddReadinessCore(builder.Configuration, folder);
        _host = builder.Build();
    }

    public string Folder { get; }

    /// <summary>The configuration that points the platform (in this process, the web app or the CLI) at this workload.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Opens the workload in <paramref name="folder"/> (kept afterwards, and reused when it already holds one), or in a new temporary folder.</summary>
    public static async Task<Workload> OpenAsync(string? folder)
    {
        var keep = folder is not null;
        folder = Path.GetFullPath(folder ?? Path.Combine(Path.GetTempPath(), "readiness-performance-" + Guid.NewGuid().ToString("N")[..8]));
        Directory.CreateDirectory(folder);
        var workload = new Workload(folder, keep);
        await using var scope = workload.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        Measure.Say($"Workload in {folder}");
        return workload;
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>
    /// The ids of <paramref name="count"/> closed rounds, each with every council's submitted return and a current
    /// snapshot; seeds the ones missing (about 20 s a round on two cores).
    /// </summary>
    public async Task<IReadOnlyList<int>> SeededRoundsAsync(int count)
    {
        List<int> rounds;
        await using (var scope = Scope())
        {
            rounds = await scope.ServiceProvider.GetRequiredService<ReadinessDbContext>().Rounds
                .Where(r => r.Name.StartsWith(RoundPrefix) && r.Status == RoundStatus.Closed)
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        }

        while (rounds.Count < count)
        {
            var number = rounds.Count + 1;
            var seconds = await Measure.SecondsAsync(async () => rounds.Add(await SeedRoundAsync(number)));
            Measure.Say($"Seeded round {number} of {count}: every council's return submitted through the respondents' code, aggregated, closed ({seconds:0.0} s)");
        }

        return rounds.Take(count).ToList();
    }

    private async Task<int> SeedRoundAsync(int number)
    {
        await using var scope = Scope();
        var sp = scope.ServiceProvider;
        var round = await sp.GetRequiredService<RoundService>().OpenAsync(
            new OpenRoundRequest(RoundPrefix + number, "ai-readiness-2024-25", null, null, DateTime.UtcNow.AddDays(30)), "performance");
        var seeded = await sp.GetRequiredService<DemoReturns>().SeedAsync(round.Id, null, seed: number);
        if (seeded.CouncilsLeft != 0)
        {
            throw new InvalidOperationException($"Round {round.Id}: {seeded.CouncilsLeft} councils were left without a return.");
        }

        await sp.GetRequiredService<RoundAggregator>().AggregateAsync(round.Id);
        await sp.GetRequiredService<RoundService>().CloseAsync(round.Id, "performance");
        return round.Id;
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        if (!_keep)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException ex)
            {
                Measure.Say($"Could not delete {Folder}: {ex.Message}");
            }
        }

        await Task.CompletedTask;
    }
}
