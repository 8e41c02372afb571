using System.Globalization;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Respond;

/// <summary>What one question's partial needs to render.</summary>
public sealed class QuestionView
{
    public required Question Question { get; init; }

    public required IReadOnlyList<QuestionOption> Options { get; init; }

    /// <summary>The value to show: what the person posted, or the stored answer.</summary>
    public AnswerValue? Value { get; init; }

    /// <summary>Typed number text to show back when it was not a number.</summary>
    public string? RawNumber { get; init; }

    public string? Error { get; init; }

    public AnswerInfo? Info { get; init; }

    /// <summary>When an answer on the same page shows or hides this question (for JavaScript).</summary>
    public RevealRule? Reveal { get; init; }

    /// <summary>Hidden by the answers as saved: on the page hidden and disabled (so never posted) until revealed.</summary>
    public bool Concealed { get; init; }

    public bool Disabled => ReadOnly || Concealed;

    /// <summary>The signed-in contributor, so their own changes read "Last changed by you".</summary>
    public int ViewerId { get; init; }

    public AnswerConflict? Conflict { get; init; }

    /// <summary>The version this form is based on (the current one after a conflict).</summary>
    public int Version { get; init; }

    public bool ReadOnly { get; init; }

    public CouncilProfile? Council { get; init; }

    public string Id => "q-" + Question.Id;

    public string FieldId(int index) => index == 0 ? Id : $"{Id}-{index + 1}";

    public bool IsChosen(string value) => Value?.Options?.Contains(value, StringComparer.Ordinal) == true;

    public string? NumberText => RawNumber ?? Value?.Number?.ToString(CultureInfo.InvariantCulture);

    public string DescribedBy => string.Join(' ', new[]
    {
        Question.Hint is null ? null : Id + "-hint",
        Question.IsAboutContributor ? Id + "-personal" : null,
        Error is null ? null : Id + "-error",
        Info is null ? null : Id + "-changed",
    }.Where(s => s is not null));
}
