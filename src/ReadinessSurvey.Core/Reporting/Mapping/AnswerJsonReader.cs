using System.Text;
using System.Text.Json;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Reads the two stored answer shapes an export meets most often, options with an optional "Other"
/// (<c>{"o":[...],"x":"..."}</c>) and text (<c>{"t":"..."}</c>), straight from UTF-8, giving option codes
/// as the question's own strings. Anything else is left to the serializer (<see cref="StoredAnswers.Parse(Question, ReadOnlySpan{byte}, string?, double?)"/>).
/// </summary>
/// <remarks>
/// Note: a large export has a million such answers; the serializer's generic object reading and a new
/// string per option code cost about a fifth of the whole database read.
/// </remarks>
internal sealed class AnswerJsonReader
{
    private readonly string[] _codes;
    private readonly byte[][] _utf8Codes;

    public AnswerJsonReader(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        _codes = question.Options.Select(o => o.Value).ToArray();
        _utf8Codes = _codes.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <summary>The answer, or null when the JSON is not one of the two shapes (or not JSON at all).</summary>
    public AnswerValue? TryRead(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            IReadOnlyList<string>? options = null;
            string? other = null, text = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("o"u8))
                {
                    if (ReadCodes(ref reader) is not { } codes)
                    {
                        return null;
                    }

                    options = codes;
                }
                else if (reader.ValueTextEquals("x"u8) || reader.ValueTextEquals("t"u8))
                {
                    var isOther = reader.ValueTextEquals("x"u8);
                    if (!reader.Read() || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        return null;
                    }

                    var value = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                    (isOther ? ref other : ref text) = value;
                }
                else
                {
                    return null;
                }
            }

            // The object must close, and nothing may follow it (the serializer refuses trailing content).
            return reader.TokenType == JsonTokenType.EndObject && !reader.Read()
                ? new AnswerValue { Options = options, Other = other, Text = text }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private List<string>? ReadCodes(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var codes = new List<string>(4);
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            codes.Add(Known(ref reader) ?? reader.GetString()!);
        }

        return reader.TokenType == JsonTokenType.EndArray ? codes : null;
    }

    private string? Known(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _utf8Codes.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8Codes[i]))
            {
                return _codes[i];
            }
        }

        return null;
    }
}
