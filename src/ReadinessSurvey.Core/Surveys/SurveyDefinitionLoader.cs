using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// Reads survey definitions and reports every problem at once: invalid JSON, schema violations, and the
/// rules the schema cannot express (unique ids, references, conditions, scores, weights, maturity bands).
/// A definition is returned only when there are no problems at all.
/// </summary>
public static class SurveyDefinitionLoader
{
    internal static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new LenientEnumConverter<QuestionType>(), new LenientEnumConverter<QuestionAbout>(), new LenientEnumConverter<SkippedSectionRule>() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Loads a file; the error file name is the path as given.</summary>
    public static LoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new LoadResult(path, "", null, [new DefinitionError(path, "$", null, $"The file cannot be read: {ex.Message}")]);
        }

        return LoadText(text, path);
    }

    /// <summary>Loads definition text; <paramref name="fileName"/> is only used to label errors.</summary>
    public static LoadResult LoadText(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } zeroBased ? (int)zeroBased + 1 : (int?)null;
            var error = new DefinitionError(fileName, ex.Path ?? "$", line, $"The file is not valid JSON: {FirstSentence(ex.Message)}");
            return new LoadResult(fileName, json, null, [error]);
        }

        using (document)
        {
            var lines = JsonLineMap.Build(json);
            var problems = new List<(string Path, string Message)>();
            var schemaProblems = DefinitionSchema.Validate(document.RootElement);
            var definition = TryDeserialize(document.RootElement);
            if (definition is not null)
            {
                var ruleProblems = DefinitionChecker.Check(definition).ToList();
                definition.Index();
                ruleProblems.AddRange(ConditionCompiler.Compile(definition));

                // Where a rule and the schema flag the same spot, the rule's message is the plainer one.
                var rulePaths = ruleProblems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
                problems.AddRange(schemaProblems.Where(p => !rulePaths.Contains(p.Path)));
                problems.AddRange(ruleProblems);
            }
            else
            {
                problems.AddRange(schemaProblems);
                if (problems.Count == 0)
                {
                    problems.Add(("$", "The definition could not be read."));
                }
            }

            var errors = problems
                .Select(p => new DefinitionError(fileName, p.Path, lines.LineOf(p.Path), p.Message))
                .OrderBy(e => e.Line ?? 0)
                .ThenBy(e => e.JsonPath, StringComparer.Ordinal)
                .ToList();
            return new LoadResult(fileName, json, definition, errors);
        }
    }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 bytes of the text.</summary>
    public static string HashOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The JSON Schema that definitions are checked against.</summary>
    public static string SchemaText() => DefinitionSchema.Text();

    private static SurveyDefinition? TryDeserialize(JsonElement root)
    {
        // The schema reports shape problems with better locations, so a failure here just means
        // the rule checks cannot run; the schema errors already say why.
        try
        {
            return root.Deserialize<SurveyDefinition>(SerializerOptions);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
