using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// Maps JSON paths ("$.sections[0].id") to 1-based line numbers by walking the document once with
/// <see cref="Utf8JsonReader"/>. A property's line is the line of its name, which is where an editor points.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    public static JsonLineMap Build(string json)
    {
        var map = new JsonLineMap();
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var path = new Stack<Frame>();
        string? pendingProperty = null;
        var pendingLine = 0;

        try
        {
            while (reader.Read())
            {
                var line = LineOf(lineStarts, reader.TokenStartIndex);
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    pendingProperty = reader.GetString();
                    pendingLine = line;
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    path.Pop();
                    continue;
                }

                // A value: work out its own path segment, then record it.
                var current = path.Count == 0 ? "$" : path.Peek().ChildPath(pendingProperty);
                map._lines.TryAdd(current, pendingProperty is null ? line : pendingLine);
                pendingProperty = null;

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    path.Push(new Frame(current, reader.TokenType == JsonTokenType.StartArray));
                }
            }
        }
        catch (JsonException)
        {
            // Invalid JSON is reported by the parser with its own line; keep what was mapped.
        }

        return map;
    }

    /// <summary>The line of the path, or of its nearest mapped ancestor.</summary>
    public int? LineOf(string jsonPath)
    {
        var path = jsonPath;
        while (path.Length > 0)
        {
            if (_lines.TryGetValue(path, out var line))
            {
                return line;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                break;
            }

            path = path[..cut];
        }

        return _lines.TryGetValue("$", out var root) ? root : null;
    }

    /// <summary>Appends a property name to a path, quoting names that are not plain identifiers.</summary>
    public static string Property(string parent, string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c == '_') && name.Length > 0
            ? $"{parent}.{name}"
            : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    private static List<int> LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int LineOf(List<int> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch((int)offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private sealed class Frame(string path, bool isArray)
    {
        private int _next;

        public string ChildPath(string? property) =>
            isArray ? Index(path, _next++) : Property(path, property ?? "");
    }
}
