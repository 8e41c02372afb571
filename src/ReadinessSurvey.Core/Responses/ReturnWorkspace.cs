using ReadinessSurvey.Councils;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Responses;

/// <summary>Everything needed to show or check a return: its definition, council, answers and who changed them.</summary>
public sealed class ReturnWorkspace
{
    public required CouncilReturn Return { get; init; }

    public required SurveyRound Round { get; init; }

    public required Council Council { get; init; }

    public required CouncilProfile Profile { get; init; }

    public required SurveyDefinition Definition { get; init; }

    public required AnswerSet Answers { get; init; }

    /// <summary>Version and last change of each stored answer, by question id.</summary>
    public required IReadOnlyDictionary<string, AnswerInfo> Info { get; init; }

    public SurveyVisibility Visibility => _visibility ??= DisplayLogic.Evaluate(Definition, Profile, Answers);

    public bool IsReadOnly => Return.Status == ReturnStatus.Submitted || Round.Status != RoundStatus.Open;

    /// <summary>The same return with other answers, e.g. the ones a save has just stored.</summary>
    /// <param name="visibility">What those answers show and hide, when the caller has already worked it out.</param>
    public ReturnWorkspace WithAnswers(AnswerSet answers, SurveyVisibility? visibility = null) => new()
    {
        Return = Return,
        Round = Round,
        Council = Council,
        Profile = Profile,
        Definition = Definition,
        Answers = answers,
        Info = Info,
        _visibility = visibility,
    };

    public int VersionOf(string questionId) => Info.TryGetValue(questionId, out var info) ? info.Version : 0;

    private SurveyVisibility? _visibility;

    /// <summary>Builds the council profile that display logic sees.</summary>
    public static CouncilProfile ProfileOf(Council council)
    {
        ArgumentNullException.ThrowIfNull(council);
        return new CouncilProfile(council.Code, council.Name, council.TypeCode, council.RegionCode, council.Tier);
    }
}

/// <summary>A stored answer's version and last change.</summary>
public sealed record AnswerInfo(int Version, DateTime UpdatedAt, string? UpdatedByName, string? UpdatedByRole, int? UpdatedById = null);
