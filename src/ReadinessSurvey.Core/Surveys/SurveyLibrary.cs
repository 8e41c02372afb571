using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// Stores survey definitions in the database, one immutable row per (id, version), and hands out the
/// parsed definition for a stored version. A changed file must carry a new version number.
/// </summary>
public sealed class SurveyLibrary(ReadinessDbContext db, AuditLog audit, TimeProvider clock, DefinitionCache cache)
{
    /// <summary>Stores a loaded definition; unchanged re-imports are a no-op, changed ones are refused.</summary>
    public async Task<ImportOutcome> ImportAsync(LoadResult loaded, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (loaded.Definition is not { } definition)
        {
            return new ImportOutcome(ImportStatus.Invalid, null, loaded.Errors.Select(e => e.ToString()).ToList());
        }

        var existing = await db.SurveyDefinitions
            .SingleOrDefaultAsync(d => d.SurveyId == definition.Id && d.Version == definition.Version, cancellationToken);
        if (existing is not null)
        {
            return existing.ContentHash == loaded.ContentHash
                ? new ImportOutcome(ImportStatus.Unchanged, existing, [])
                : new ImportOutcome(ImportStatus.Conflict, existing,
                [
                    $"{loaded.FileName}: version {definition.Version} of '{definition.Id}' is already stored with different content " +
                    $"(stored hash {existing.ContentHash[..12]}, file hash {loaded.ContentHash[..12]}). A stored version never changes, " +
                    "because rounds use it: give the changed definition a new \"version\".",
                ]);
        }

        var stored = new SurveyDefinitionVersion
        {
            SurveyId = definition.Id,
            Version = definition.Version,
            Title = definition.Title,
            Content = loaded.RawText,
            ContentHash = loaded.ContentHash,
            SourceFile = Path.GetFileName(loaded.FileName),
            ImportedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SurveyDefinitions.Add(stored);
        audit.Record(actor, "survey.imported", $"{definition.Id} v{definition.Version}", loaded.ContentHash);
        await db.SaveChangesAsync(cancellationToken);
        return new ImportOutcome(ImportStatus.Imported, stored, []);
    }

    /// <summary>Imports every definition in a folder; each file succeeds or fails on its own.</summary>
    public async Task<IReadOnlyList<ImportOutcome>> ImportFolderAsync(string folder, string actor, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<ImportOutcome>();
        if (!Directory.Exists(folder))
        {
            return outcomes;
        }

        foreach (var loaded in SurveyDefinitionCatalog.LoadFolder(folder))
        {
            outcomes.Add(await ImportAsync(loaded, actor, cancellationToken));
        }

        return outcomes;
    }

    /// <summary>The parsed definition of a stored version.</summary>
    public async Task<SurveyDefinition> GetAsync(int definitionVersionId, CancellationToken cancellationToken = default)
    {
        if (cache.TryGet(definitionVersionId) is { } cached)
        {
            return cached;
        }

        var stored = await db.SurveyDefinitions.AsNoTracking().SingleAsync(d => d.Id == definitionVersionId, cancellationToken);
        return cache.GetOrAdd(stored);
    }

    public Task<List<SurveyDefinitionVersion>> ListAsync(CancellationToken cancellationToken = default) =>
        db.SurveyDefinitions.AsNoTracking().OrderBy(d => d.SurveyId).ThenBy(d => d.Version).ToListAsync(cancellationToken);
}

/// <summary>
/// Parsed definitions by stored version id. Safe to share: a stored version never changes, and its
/// hash is checked when it is parsed.
/// </summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<int, SurveyDefinition> _definitions = new();

    public SurveyDefinition? TryGet(int definitionVersionId) => _definitions.GetValueOrDefault(definitionVersionId);

    public SurveyDefinition GetOrAdd(SurveyDefinitionVersion stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return _definitions.GetOrAdd(stored.Id, _ =>
        {
            var loaded = SurveyDefinitionLoader.LoadText(stored.Content, stored.SourceFile);
            if (loaded.ContentHash != stored.ContentHash)
            {
                throw new InvalidOperationException($"Stored definition {stored.SurveyId} v{stored.Version} does not match its content hash.");
            }

            return loaded.Definition ?? throw new InvalidOperationException(
                $"Stored definition {stored.SurveyId} v{stored.Version} no longer loads: {string.Join("; ", loaded.Errors)}");
        });
    }
}

/// <summary>What importing one definition did.</summary>
public sealed record ImportOutcome(ImportStatus Status, SurveyDefinitionVersion? Stored, IReadOnlyList<string> Errors);

/// <summary>The result of importing one definition file.</summary>
public enum ImportStatus
{
    Imported,
    Unchanged,
    Conflict,
    Invalid,
}
