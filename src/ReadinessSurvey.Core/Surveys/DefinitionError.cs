namespace ReadinessSurvey.Surveys;

/// <summary>One problem found while loading a survey definition, located by JSON path and line.</summary>
/// <param name="File">The file name as given to the loader, e.g. "surveys/x.json".</param>
/// <param name="JsonPath">Where in the document, e.g. "$.sections[2].questions[0].options[1].score".</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Message">Plain English: what is wrong.</param>
public sealed record DefinitionError(string File, string JsonPath, int? Line, string Message)
{
    public override string ToString() =>
        Line is { } line ? $"{File}:{line} {JsonPath}: {Message}" : $"{File} {JsonPath}: {Message}";
}

/// <summary>
/// The outcome of loading a definition: either a checked definition, or every problem found.
/// Never both, so nothing downstream sees a half-loaded survey.
/// </summary>
public sealed class LoadResult
{
    internal LoadResult(string fileName, string rawText, SurveyDefinition? definition, IReadOnlyList<DefinitionError> errors)
    {
        FileName = fileName;
        RawText = rawText;
        Errors = errors;
        Definition = errors.Count == 0 ? definition : null;
        ContentHash = SurveyDefinitionLoader.HashOf(rawText);
    }

    public string FileName { get; }

    /// <summary>Null whenever there is any error.</summary>
    public SurveyDefinition? Definition { get; }

    public IReadOnlyList<DefinitionError> Errors { get; }

    public bool IsValid => Definition is not null;

    /// <summary>The text exactly as loaded, for storing alongside responses.</summary>
    public string RawText { get; }

    /// <summary>SHA-256 of the UTF-8 text, lowercase hex: a published version must never change hash.</summary>
    public string ContentHash { get; }
}
