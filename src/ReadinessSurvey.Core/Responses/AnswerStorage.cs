using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Responses;

/// <summary>Writes an answer's value into its row, and the code "don't know" is stored and counted as.</summary>
public static class AnswerStorage
{
    /// <summary>The code for "don't know" in counts and exports.</summary>
    public const string DontKnowCode = "dont-know";

    public static void Apply(Answer row, AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(value);
        row.ValueJson = value.ToJson();
    }
}
