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
        return DefinitionFiles(folder).Select(SurveyDefinitionLoader.LoadFile).ToList();
    }

    /// <summary>The definition files in a folder (*.json but the schema), ordered by file name.</summary>
    public static IReadOnlyList<string> DefinitionFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.json")
            .Where(f => !string.Equals(Path.GetFileName(f), SchemaFileName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
}
