using System.Text.Json.Serialization;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// A versioned survey: its sections, questions, display logic and scoring model.
/// Built only by <see cref="SurveyDefinitionLoader"/>, which checks it and compiles its conditions,
/// so code holding a definition can rely on ids being unique and references resolving.
/// </summary>
public sealed class SurveyDefinition
{
    private Dictionary<string, Question> _questionsById = new(StringComparer.Ordinal);
    private Dictionary<string, int> _questionOrder = new(StringComparer.Ordinal);
    private Dictionary<string, SurveySection> _sectionOfQuestion = new(StringComparer.Ordinal);

    /// <summary>Stable slug, e.g. "ai-readiness-2024-25".</summary>
    public string Id { get; init; } = "";

    /// <summary>Bumped whenever a published definition changes.</summary>
    public int Version { get; init; }

    public string Title { get; init; } = "";

    public string? Description { get; init; }

    public IReadOnlyList<SurveySection> Sections { get; init; } = [];

    public ScoringModel Scoring { get; init; } = new();

    /// <summary>Every question in survey order.</summary>
    [JsonIgnore]
    public IReadOnlyList<Question> Questions { get; private set; } = [];

    /// <summary>The question with this id, or null.</summary>
    public Question? FindQuestion(string questionId) =>
        _questionsById.GetValueOrDefault(questionId);

    /// <summary>True when the question is about each contributor (answered per person), not the council.</summary>
    public bool IsAboutContributor(string questionId) => FindQuestion(questionId)?.IsAboutContributor == true;

    /// <summary>The section that holds this question.</summary>
    public SurveySection SectionOf(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return _sectionOfQuestion[question.Id];
    }

    /// <summary>Position of a question in survey order (0-based), or -1 when unknown.</summary>
    public int OrderOf(string questionId) => _questionOrder.GetValueOrDefault(questionId, -1);

    /// <summary>Builds the lookups; called once by the loader after the ids have been checked.</summary>
    internal void Index()
    {
        var questions = new List<Question>();
        foreach (var section in Sections)
        {
            foreach (var question in section.Questions)
            {
                _questionOrder.TryAdd(question.Id, questions.Count);
                _questionsById.TryAdd(question.Id, question);
                _sectionOfQuestion.TryAdd(question.Id, section);
                questions.Add(question);
            }
        }

        Questions = questions;
    }
}

/// <summary>A page of the survey. A hidden section hides all its questions.</summary>
public sealed class SurveySection
{
    public string Id { get; init; } = "";

    public string Title { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>Condition text; the section shows only when it is true. Null means always shown.</summary>
    public string? ShowIf { get; init; }

    public IReadOnlyList<Question> Questions { get; init; } = [];

    [JsonIgnore]
    internal Condition? ShowIfCondition { get; set; }
}
