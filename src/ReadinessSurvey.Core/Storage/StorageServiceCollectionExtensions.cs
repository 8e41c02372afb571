using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Publishing;

namespace ReadinessSurvey.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the folders (<see cref="StorageOptions"/>, <see cref="ReportsOptions"/>), checked on start.
    /// The first service that needs a folder (the database initialiser does, before anything else) fails with
    /// an <see cref="OptionsValidationException"/> naming each bad setting and its path.
    /// </summary>
    /// <param name="root">The folder relative settings are under: the web app's content root, the CLI's current directory.</param>
    public static IServiceCollection AddReadinessStorage(this IServiceCollection services, string root)
    {
        var validation = new StorageValidation(root);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>>(validation);
        services.AddSingleton<IValidateOptions<ReportsOptions>>(validation);
        services.AddSingleton(sp =>
        {
            // Both sections are checked before failing, so one start names every bad folder.
            var failures = new List<string>();
            var storage = Checked<StorageOptions>(sp, failures);
            var reports = Checked<ReportsOptions>(sp, failures);
            return storage is null || reports is null
                ? throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), failures)
                : new StoragePaths(root, storage, reports);
        });
        services.AddSingleton<ReportFolder>();
        return services;
    }

    private static T? Checked<T>(IServiceProvider services, List<string> failures)
        where T : class
    {
        try
        {
            return services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
            return null;
        }
    }
}
