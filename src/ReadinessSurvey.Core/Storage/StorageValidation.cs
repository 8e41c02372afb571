using Microsoft.Extensions.Options;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Storage;

/// <summary>
/// Checks the folders on start, so a bad path stops the web app or the CLI at once with a message naming the
/// setting and the path, instead of failing later at the first report, email or survey import. Folders the
/// platform writes to are created and written to once; the surveys folder must hold a definition.
/// </summary>
public sealed class StorageValidation(string root) : IValidateOptions<StorageOptions>, IValidateOptions<ReportsOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var paths = new StoragePaths(root, options, new ReportsOptions());
        return Result(
            Writable("Storage:DataFolder", options.DataFolder, paths.Data),
            Definitions("Storage:SurveysFolder", options.SurveysFolder, paths.Surveys));
    }

    public ValidateOptionsResult Validate(string? name, ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var paths = new StoragePaths(root, new StorageOptions(), options);
        var reports = Writable("Reports:Folder", options.Folder, paths.Reports);

        // The default published folder is inside the reports folder: a bad reports folder is named once.
        return Result(reports, reports is not null && options.PublishedFolder is null ? null : Writable("Reports:PublishedFolder", options.PublishedFolder ?? paths.Published, paths.Published));
    }

    private static ValidateOptionsResult Result(params string?[] problems) =>
        problems.OfType<string>().ToList() is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;

    private string? Writable(string setting, string? value, string full)
    {
        if (full.Length == 0)
        {
            return $"{setting} is empty. Set it to a folder the platform can write to (a relative folder is under {root}).";
        }

        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, ".write-check-" + Guid.NewGuid().ToString("N"));
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return $"{setting} is '{value}' ({full}), a folder the platform cannot create or write to: {ex.Message}";
        }
    }

    private string? Definitions(string setting, string? value, string full)
    {
        if (full.Length == 0)
        {
            return $"{setting} is empty. Set it to the folder of survey definitions (the repository's surveys/; a relative folder is under {root}).";
        }

        if (!Directory.Exists(full))
        {
            return $"{setting} is '{value}' ({full}), which does not exist. Set it to the folder of survey definitions (the repository's surveys/).";
        }

        return SurveyDefinitionCatalog.DefinitionFiles(full).Count == 0
            ? $"{setting} is '{value}' ({full}), which holds no survey definition (*.json). Set it to the folder of survey definitions (the repository's surveys/)."
            : null;
    }
}
