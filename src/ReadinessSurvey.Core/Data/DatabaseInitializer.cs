using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Data;

/// <summary>
/// Brings a database up to date on start: creates the SQLite folder, applies pending migrations (<see cref="MigrationRunner"/>), and loads
/// the council register when the database has none.
/// </summary>
public sealed class DatabaseInitializer(
    ReadinessDbContext db,
    DatabaseTarget target,
    MigrationRunner migrations,
    CouncilRegisterImporter councils,
    SurveyLibrary surveys,
    Storage.StoragePaths storage,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (target.Provider == DatabaseProvider.Sqlite && DataServiceCollectionExtensions.SqliteFile(target.ConnectionString) is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        await migrations.ApplyPendingAsync(cancellationToken);

        if (target.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers carry on while one writer writes; it is a property of the file, so set it once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (!await db.Councils.AnyAsync(cancellationToken))
        {
            var result = await councils.ImportAsync(CouncilRegister.BundledFile, cancellationToken: cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The bundled council register could not be loaded: " + string.Join("; ", result.Errors));
            }

            logger.LogInformation("Loaded {Count} councils from the bundled register", result.Added);
        }

        await ImportSurveysAsync(cancellationToken);
    }

    private async Task ImportSurveysAsync(CancellationToken cancellationToken)
    {
        // A bad or changed file must not stop the platform: it is reported and the stored versions stay in use.
        foreach (var outcome in await surveys.ImportFolderAsync(storage.Surveys, "system", cancellationToken))
        {
            if (outcome.Status == ImportStatus.Imported)
            {
                logger.LogInformation("Imported survey definition {Survey} version {Version}", outcome.Stored!.SurveyId, outcome.Stored.Version);
            }

            foreach (var error in outcome.Errors)
            {
                logger.LogError("Survey definition not imported: {Error}", error);
            }
        }
    }

    /// <summary>True when the database answers a trivial query.</summary>
    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            // A real query, not CanConnect: SQLite "connects" to any path by creating an empty file.
            await db.Councils.AnyAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return false;
        }
    }
}
