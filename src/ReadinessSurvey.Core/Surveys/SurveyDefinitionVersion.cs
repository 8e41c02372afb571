namespace ReadinessSurvey.Surveys;

/// <summary>
/// One version of a survey definition, stored exactly as imported. Never updated once stored:
/// a round points at a version, and the content hash proves the text has not changed under it.
/// </summary>
public sealed class SurveyDefinitionVersion
{
    public int Id { get; set; }

    /// <summary>The definition's stable id, e.g. "ai-readiness".</summary>
    public required string SurveyId { get; set; }

    public int Version { get; set; }

    public required string Title { get; set; }

    /// <summary>The JSON text as imported.</summary>
    public required string Content { get; set; }

    /// <summary>SHA-256 of the UTF-8 content, lowercase hex.</summary>
    public required string ContentHash { get; set; }

    public required string SourceFile { get; set; }

    public DateTime ImportedAt { get; set; }
}
