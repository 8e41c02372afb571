using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// A council's answers keyed by question id. Immutable: <see cref="With"/> and <see cref="Without"/>
/// return new sets, so a set can be shared between display logic, validation and scoring.
/// JSON shape: <c>{"B1":{"o":["piloting"]},"B3":{"n":4},"D2":{"b":true}}</c>.
/// </summary>
[JsonConverter(typeof(AnswerSetJsonConverter))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "AnswerSet is the domain name other features use.")]
public sealed class AnswerSet : IReadOnlyDictionary<string, AnswerValue>
{
    private readonly Dictionary<string, AnswerValue> _answers;

    public AnswerSet()
        : this(new Dictionary<string, AnswerValue>(StringComparer.Ordinal))
    {
    }

    public AnswerSet(IEnumerable<KeyValuePair<string, AnswerValue>> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        _answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var (id, value) in answers)
        {
            // Empty answers are dropped so "answered" means the same everywhere.
            if (!value.IsEmpty)
            {
                _answers[id] = value;
            }
        }
    }

    public static AnswerSet Empty { get; } = new();

    public int Count => _answers.Count;

    public IEnumerable<string> Keys => _answers.Keys;

    public IEnumerable<AnswerValue> Values => _answers.Values;

    public AnswerValue this[string key] => _answers[key];

    public bool ContainsKey(string key) => _answers.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out AnswerValue value) =>
        _answers.TryGetValue(key, out value);

    /// <summary>The answer to a question, or null when unanswered.</summary>
    public AnswerValue? Get(string questionId) => _answers.GetValueOrDefault(questionId);

    /// <summary>A copy with this answer set (or removed, when the answer is empty).</summary>
    public AnswerSet With(string questionId, AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var copy = new Dictionary<string, AnswerValue>(_answers, StringComparer.Ordinal) { [questionId] = value };
        return new AnswerSet(copy);
    }

    public AnswerSet Without(string questionId)
    {
        var copy = new Dictionary<string, AnswerValue>(_answers, StringComparer.Ordinal);
        copy.Remove(questionId);
        return new AnswerSet(copy);
    }

    public string ToJson() => JsonSerializer.Serialize(this, AnswerJson.Options);

    public static AnswerSet FromJson(string json) =>
        JsonSerializer.Deserialize<AnswerSet>(json, AnswerJson.Options) ?? Empty;

    public IEnumerator<KeyValuePair<string, AnswerValue>> GetEnumerator() => _answers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Writes an <see cref="AnswerSet"/> as a plain object of question id to answer.</summary>
internal sealed class AnswerSetJsonConverter : JsonConverter<AnswerSet>
{
    public override AnswerSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize<Dictionary<string, AnswerValue>>(ref reader, options) ?? []);

    public override void Write(Utf8JsonWriter writer, AnswerSet value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (id, answer) in value.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(id);
            JsonSerializer.Serialize(writer, answer, options);
        }

        writer.WriteEndObject();
    }
}

/// <summary>Serializer settings shared by answers, so stored JSON is stable and compact.</summary>
internal static class AnswerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        WriteIndented = false,
    };
}
