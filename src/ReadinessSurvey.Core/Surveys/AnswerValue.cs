using System.Text.Json.Serialization;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// The answer to one question, stored as compact JSON, e.g. <c>{"o":["piloting"]}</c>, <c>{"n":12}</c>,
/// <c>{"b":true}</c>, <c>{"t":"text"}</c>, <c>{"o":["funding"],"x":"other text"}</c> or <c>{"dk":true}</c>.
/// Which member is used depends on the question type; <see cref="AnswerValidator"/> checks the fit.
/// </summary>
public sealed record AnswerValue
{
    /// <summary>Chosen option values (single choice: exactly one; multiple choice: any number).</summary>
    [JsonPropertyName("o")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>Text typed into the "Other, please specify" box.</summary>
    [JsonPropertyName("x")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Other { get; init; }

    /// <summary>Number questions, and the chosen point of a likert question.</summary>
    [JsonPropertyName("n")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Number { get; init; }

    /// <summary>Yes/no questions.</summary>
    [JsonPropertyName("b")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? YesNo { get; init; }

    /// <summary>Text and long text questions.</summary>
    [JsonPropertyName("t")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    /// <summary>"Don't know" of a likert or yes/no question (choice questions use a dontKnow option).</summary>
    [JsonPropertyName("dk")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool DontKnow { get; init; }

    /// <summary>True when nothing was given (an empty answer is treated as no answer).</summary>
    [JsonIgnore]
    public bool IsEmpty =>
        (Options is null || Options.Count == 0) && string.IsNullOrWhiteSpace(Other) && Number is null
        && YesNo is null && string.IsNullOrWhiteSpace(Text) && !DontKnow;

    public static AnswerValue Choice(params string[] values) => new() { Options = values };

    public static AnswerValue Of(decimal number) => new() { Number = number };

    public static AnswerValue Of(bool yes) => new() { YesNo = yes };

    public static AnswerValue OfText(string text) => new() { Text = text };

    public static AnswerValue DontKnowAnswer { get; } = new() { DontKnow = true };

    /// <summary>Compact JSON for storing one answer.</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, AnswerJson.Options);

    public static AnswerValue? FromJson(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<AnswerValue>(json, AnswerJson.Options);

    public bool Equals(AnswerValue? other) =>
        other is not null && ToJson() == other.ToJson();

    public override int GetHashCode() => ToJson().GetHashCode(StringComparison.Ordinal);
}
