using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// Reads camelCase enum names, turning an unknown name into an undefined value instead of throwing,
/// so one misspelt type does not stop the loader from checking the rest of the definition
/// (the schema reports the misspelling itself).
/// </summary>
internal sealed class LenientEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum _unknown = (TEnum)Enum.ToObject(typeof(TEnum), -1);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return _unknown;
        }

        var text = reader.GetString();
        return Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _) ? value : _unknown;
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(value.ToString()));
}
