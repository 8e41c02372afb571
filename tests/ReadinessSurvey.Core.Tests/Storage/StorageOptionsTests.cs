using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Data;
using ReadinessSurvey.Email;
using ReadinessSurvey.Publishing;
using ReadinessSurvey.Storage;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Storage;

/// <summary>
/// The platform's folders come from settings checked on start (Storage:DataFolder, Storage:SurveysFolder,
/// Reports:Folder, Reports:PublishedFolder), relative to the storage root, never from where the checkout is.
/// </summary>
public sealed class StorageOptionsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "readiness-tests", Guid.NewGuid().ToString("N"));

    public StorageOptionsTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "surveys"));
        File.Copy(Path.Combine(Repository.Surveys, "ai-readiness-2024-25.json"), Path.Combine(_root, "surveys", "ai-readiness-2024-25.json"));
    }

    [Fact]
    public void By_default_data_surveys_and_reports_are_folders_under_the_storage_root()
    {
        using var services = Services([]);
        var paths = services.GetRequiredService<StoragePaths>();

        Assert.Equal(Path.Combine(_root, "data"), paths.Data);
        Assert.Equal(Path.Combine(_root, "surveys"), paths.Surveys);
        Assert.Equal(Path.Combine(_root, "reports"), paths.Reports);
        Assert.Equal(Path.Combine(_root, "reports", "_published"), paths.Published);
        Assert.Equal($"Data Source={Path.Combine(_root, "data", "readiness.db")}", services.GetRequiredService<DatabaseTarget>().ConnectionString);
        var pickup = Assert.IsType<PickupTransport>(services.CreateScope().ServiceProvider.GetRequiredService<IEmailTransport>());
        Assert.Equal(Path.Combine(_root, "data", "mail"), pickup.Folder);
    }

    [Fact]
    public void Relative_settings_are_under_the_root_and_absolute_ones_are_kept_as_given()
    {
        var elsewhere = Path.Combine(_root, "elsewhere");
        using var services = Services(new()
        {
            ["Storage:DataFolder"] = "state",
            ["Reports:Folder"] = Path.Combine(elsewhere, "reports"),
            ["Reports:PublishedFolder"] = "public",
        });
        var paths = services.GetRequiredService<StoragePaths>();
        var folder = services.GetRequiredService<ReportFolder>();

        Assert.Equal(Path.Combine(_root, "state"), paths.Data);
        Assert.Equal(Path.Combine(elsewhere, "reports"), folder.Root);
        Assert.Equal(Path.Combine(_root, "public"), folder.PublishedRoot);
        Assert.True(Directory.Exists(Path.Combine(_root, "public")), "The published folder is created when it is checked.");
    }

    [Fact]
    public void A_data_folder_that_cannot_be_created_stops_start_up_naming_the_setting_and_the_path()
    {
        var file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, "not a folder");
        var bad = Path.Combine(file, "data");

        var problem = StartFailure(new() { ["Storage:DataFolder"] = bad });

        Assert.Contains($"Storage:DataFolder is '{bad}' ({bad}), a folder the platform cannot create or write to", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_surveys_folder_with_no_definitions_stops_start_up_naming_the_setting_and_the_path()
    {
        var empty = Path.Combine(_root, "empty");
        Directory.CreateDirectory(empty);
        File.Copy(Path.Combine(Repository.Surveys, "survey.schema.json"), Path.Combine(empty, "survey.schema.json"));

        var problem = StartFailure(new() { ["Storage:SurveysFolder"] = "empty" });

        Assert.Contains($"Storage:SurveysFolder is 'empty' ({empty}), which holds no survey definition (*.json)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_surveys_folder_and_an_unwritable_reports_folder_are_both_reported()
    {
        var file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, "not a folder");

        var problem = StartFailure(new() { ["Storage:SurveysFolder"] = "nowhere", ["Reports:Folder"] = Path.Combine(file, "reports") });

        Assert.Contains($"Storage:SurveysFolder is 'nowhere' ({Path.Combine(_root, "nowhere")}), which does not exist", problem, StringComparison.Ordinal);
        Assert.Contains($"Reports:Folder is '{Path.Combine(file, "reports")}'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_setting_is_named_rather_than_taken_as_the_root()
    {
        var problem = StartFailure(new() { ["Storage:DataFolder"] = " " });

        Assert.Contains("Storage:DataFolder is empty.", problem, StringComparison.Ordinal);
    }

    /// <summary>The database initialiser is the first thing every host resolves on start.</summary>
    private string StartFailure(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        using var scope = services.CreateScope();
        var failure = Assert.Throws<OptionsValidationException>(() => scope.ServiceProvider.GetRequiredService<DatabaseInitializer>());
        return string.Join(" ", failure.Failures);
    }

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddReadinessCore(configuration, _root).BuildServiceProvider();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
