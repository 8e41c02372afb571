namespace ReadinessSurvey.Surveys;

/// <summary>A problem with the answer to one question, worded for the respondent (GOV.UK style).</summary>
/// <param name="QuestionId">The question the message belongs next to.</param>
/// <param name="Message">E.g. "Enter a number between 0 and 100".</param>
public sealed record AnswerError(string QuestionId, string Message)
{
    public override string ToString() => $"{QuestionId}: {Message}";
}

/// <summary>How strict validation is.</summary>
public enum AnswerValidationMode
{
    /// <summary>Saving progress: answers must be valid, but required questions may be blank.</summary>
    Draft,

    /// <summary>Signing off: also every visible required question must be answered.</summary>
    Submission,
}
