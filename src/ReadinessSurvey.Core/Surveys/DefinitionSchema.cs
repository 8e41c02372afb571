using System.Text.Json;
using Json.Schema;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// Checks a definition against surveys/survey.schema.json, which is embedded in this assembly so the file
/// editors use and the rules the loader applies can never drift apart.
/// </summary>
internal static class DefinitionSchema
{
    private const string ResourceName = "ReadinessSurvey.Surveys.survey.schema.json";

    private static readonly Lazy<JsonSchema> _schema = new(Load);

    /// <summary>The schema text as embedded.</summary>
    public static string Text()
    {
        using var stream = typeof(DefinitionSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Every schema violation as (JSON path, message), deepest first within each location.</summary>
    public static IReadOnlyList<(string Path, string Message)> Validate(JsonElement root)
    {
        var results = _schema.Value.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var found = new List<(string Path, string Message, bool NotAllowed)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in Flatten(results))
        {
            // Failing an "if" only picks which rules apply; it is not a problem with the document.
            if (detail.Errors is null || detail.IsValid || IsUnderIf(detail.EvaluationPath.ToString()))
            {
                continue;
            }

            var path = ToJsonPath(root, detail.InstanceLocation.ToString());
            foreach (var (keyword, message) in detail.Errors)
            {
                var notAllowed = IsFalseSchema(keyword, message);
                var text = notAllowed ? NotAllowed(path) : $"{message.TrimEnd('.')}.";
                if (seen.Add(path + "|" + text))
                {
                    found.Add((path, text, notAllowed));
                }
            }
        }

        // When a type's "then" rules fail, unevaluatedProperties also calls its valid properties
        // "not allowed". Keep that complaint only where nothing more specific was found.
        var specific = found.Where(f => !f.NotAllowed).Select(f => f.Path).ToList();
        return found
            .Where(f => !f.NotAllowed || !specific.Any(p => p == f.Path || p.StartsWith(f.Path + ".", StringComparison.Ordinal) || p.StartsWith(f.Path + "[", StringComparison.Ordinal)))
            .Select(f => (f.Path, f.Message))
            .ToList();
    }

    private static bool IsUnderIf(string evaluationPath) =>
        evaluationPath.Contains("/if/", StringComparison.Ordinal) || evaluationPath.EndsWith("/if", StringComparison.Ordinal);

    // The library reports a failed "false" schema (a property that is not allowed) with an empty keyword.
    private static bool IsFalseSchema(string keyword, string message) =>
        keyword.Length == 0 || message.Contains("false schema", StringComparison.OrdinalIgnoreCase);

    private static string NotAllowed(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        var name = cut >= 0 ? path[(cut + 1)..].Trim('[', ']', '\'') : path;
        return $"Property '{name}' is not allowed here. Check its spelling and that it suits the question type.";
    }

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults results)
    {
        yield return results;
        foreach (var detail in results.Details ?? [])
        {
            foreach (var nested in Flatten(detail))
            {
                yield return nested;
            }
        }
    }

    /// <summary>Turns a JSON Pointer into a $-path, using the document to tell array indexes from names.</summary>
    private static string ToJsonPath(JsonElement root, string pointer)
    {
        var path = "$";
        var current = (JsonElement?)root;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current is { ValueKind: JsonValueKind.Array } array
                && int.TryParse(segment, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                path = JsonLineMap.Index(path, index);
                current = index < array.GetArrayLength() ? array[index] : null;
            }
            else
            {
                path = JsonLineMap.Property(path, segment);
                current = current is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(segment, out var child)
                    ? child
                    : null;
            }
        }

        return path;
    }

    private static JsonSchema Load() =>
        JsonSchema.FromText(Text());
}
