namespace ReadinessSurvey.Surveys;

/// <summary>Loads every survey definition in a folder, such as the repository's surveys/ folder.</summary>
public static class SurveyDefinitionCatalog
{
    /// <summary>The schema's file name, which sits beside the definitions but is not one.</summary>
    public const string SchemaFileName = "survey.schema.json";

    /// <summary>One result per *.json file (schema excluded), ordered by file name.</summary>
    public static IReadOnlyList<LoadResult> LoadFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return Directory.EnumerateFiles(folder, "*.json")
            .Where(f => !string.Equals(Path.GetFileName(f), SchemaFileName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(SurveyDefinitionLoader.LoadFile)
            .ToList();
    }
}
