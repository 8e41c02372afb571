using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Responses;

/// <summary>Writes an answer's value into its row, and the code "don't know" is stored and counted as.</summary>
public static class AnswerStorage
{
    /// <summary>
    /// The one code for "don't know" across a survey: in counts and exports for likert and yes/no
    /// questions, and the value a choice question's "don't know" option must have (the definition
    /// checker refuses any other), so an analyst filters on one code.
    /// </summary>
    public const string DontKnowCode = "dont_know";

    public static void Apply(Answer row, AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(value);
        row.ValueJson = value.ToJson();
    }
}
