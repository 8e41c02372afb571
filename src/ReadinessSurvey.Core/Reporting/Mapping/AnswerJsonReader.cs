using System.Text;
using System.Text.Json;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Reads a stored answer (<see cref="AnswerValue"/>'s members <c>o</c>, <c>x</c>, <c>t</c>, <c>n</c>,
/// <c>b</c> and <c>dk</c>) straight from UTF-8, giving option codes as the question's own strings.
/// Anything else (an unknown member, a value of the wrong kind) is left to the serializer
/// (<see cref="StoredAnswers.Parse(Question, ReadOnlySpan{byte}, string?, double?)"/>). The caller
/// catches <see cref="JsonException"/> for JSON that is not JSON at all.
/// </summary>
/// <remarks>
/// Note: a large export reads millions of answers; the serializer's generic object reading and a new
/// string per option code cost more than the rest of the read together.
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

    /// <summary>
    /// The answer whose object starts at the reader's current token, read up to its end; null when it is
    /// not an answer this reader knows (the reader is then somewhere inside it: read again from a copy).
    /// </summary>
    public AnswerValue? TryRead(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        IReadOnlyList<string>? options = null;
        string? other = null, text = null;
        decimal? number = null;
        bool? yesNo = null;
        var dontKnow = false;
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
            else if (reader.ValueTextEquals("n"u8))
            {
                if (!reader.Read())
                {
                    return null;
                }

                if (reader.TokenType == JsonTokenType.Null)
                {
                    number = null;
                }
                else if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var n))
                {
                    number = n;
                }
                else
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("b"u8))
            {
                if (!reader.Read() || reader.TokenType is not (JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null))
                {
                    return null;
                }

                yesNo = reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean();
            }
            else if (reader.ValueTextEquals("dk"u8))
            {
                if (!reader.Read() || reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                {
                    return null;
                }

                dontKnow = reader.GetBoolean();
            }
            else
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject
            ? new AnswerValue { Options = options, Other = other, Text = text, Number = number, YesNo = yesNo, DontKnow = dontKnow }
            : null;
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
