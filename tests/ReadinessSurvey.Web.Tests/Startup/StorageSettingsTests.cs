using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Storage;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Web.Startup;

/// <summary>
/// Where the web app and the CLI keep their files, as an operator meets it: by default under the folder they
/// are started in (the web app's content root, the CLI's current directory), never found by looking for the
/// checkout; a bad folder setting stops start-up with the setting and the path; test apps write nothing into
/// the checkout.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StorageSettingsTests : IDisposable
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(3);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "readiness-tests", Guid.NewGuid().ToString("N"));

    public StorageSettingsTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "surveys"));
        File.Copy(Path.Combine(Repository.Surveys, "ai-readiness-2024-25.json"), Path.Combine(_folder, "surveys", "ai-readiness-2024-25.json"));
    }

    [Fact]
    public async Task The_web_app_keeps_its_database_and_reports_under_the_folder_it_is_started_in_and_imports_the_surveys_there()
    {
        var port = AppProcess.FreePort();
        using var web = AppProcess.StartIn(_folder, web: true, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Site__BaseUrl"] = $"http://127.0.0.1:{port}/",

            // The notice ships beside the app; this folder is only the content root.
            ["Site__PrivacyNoticeFile"] = Path.Combine(AppContext.BaseDirectory, "Site", "privacy-notice.md"),
        }, "--urls", $"http://127.0.0.1:{port}");

        await web.WaitUntilHealthyAsync(port, HangLimit);

        Assert.True(File.Exists(Path.Combine(_folder, "data", "readiness.db")), web.Output);
        Assert.True(Directory.Exists(Path.Combine(_folder, "reports")), web.Output);
        Assert.True(Directory.Exists(Path.Combine(_folder, "reports", "_published")), web.Output);
    }

    [Fact]
    public async Task The_CLI_uses_data_and_surveys_under_its_current_directory_by_default()
    {
        using var cli = AppProcess.StartIn(_folder, web: false, new Dictionary<string, string?>(), "survey", "list");

        var exit = await cli.WaitForExitAsync(HangLimit);

        Assert.True(exit == 0, cli.Output);
        Assert.Contains("ai-readiness-2024-25", cli.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "data", "readiness.db")), cli.Output);
    }

    [Fact]
    public async Task A_surveys_folder_without_definitions_stops_the_web_app_and_the_CLI_naming_the_setting_and_the_path()
    {
        var empty = Path.Combine(_folder, "empty");
        Directory.CreateDirectory(empty);
        var settings = new Dictionary<string, string?> { ["Storage__SurveysFolder"] = "empty", ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Site__BaseUrl"] = "http://localhost:5080/" };
        var expected = $"Storage:SurveysFolder is 'empty' ({empty}), which holds no survey definition (*.json).";

        using var web = AppProcess.StartIn(_folder, web: true, settings, "--urls", $"http://127.0.0.1:{AppProcess.FreePort()}");
        using var cli = AppProcess.StartIn(_folder, web: false, settings, "round", "list");

        Assert.Equal(1, await web.WaitForExitAsync(HangLimit));
        Assert.Contains("ReadinessSurvey did not start: " + expected, web.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", web.Output, StringComparison.Ordinal);
        Assert.Equal(1, await cli.WaitForExitAsync(HangLimit));
        Assert.Contains("Error: " + expected, cli.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "data", "readiness.db")), "Nothing is created before the settings are checked.");
    }

    [Fact]
    public void A_test_app_keeps_every_folder_in_its_own_temporary_folder_outside_the_checkout()
    {
        using var factory = new ReadinessWebFactory();
        var paths = factory.Services.GetRequiredService<StoragePaths>();

        Assert.All(new[] { paths.Data, paths.Reports, paths.Published }, p =>
        {
            Assert.StartsWith(factory.Database.Folder + Path.DirectorySeparatorChar, p, StringComparison.Ordinal);
            Assert.DoesNotContain(Repository.Root + Path.DirectorySeparatorChar, p, StringComparison.Ordinal);
        });
        Assert.Equal(Repository.Surveys, paths.Surveys);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over clean-up.
        }
    }
}
