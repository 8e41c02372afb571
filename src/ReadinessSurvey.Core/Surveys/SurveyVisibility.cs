namespace ReadinessSurvey.Surveys;

/// <summary>
/// What display logic shows for one council and one set of answers: visible sections, questions and options,
/// and the effective answers (answers to visible questions, with hidden options removed).
/// </summary>
public sealed class SurveyVisibility
{
    private readonly HashSet<string> _sections;
    private readonly HashSet<string> _questions;
    private readonly Dictionary<string, IReadOnlyList<string>> _options;

    internal SurveyVisibility(
        HashSet<string> sections,
        HashSet<string> questions,
        Dictionary<string, IReadOnlyList<string>> options,
        AnswerSet effectiveAnswers)
    {
        _sections = sections;
        _questions = questions;
        _options = options;
        EffectiveAnswers = effectiveAnswers;
    }

    /// <summary>Answers that count: only visible questions, only visible options.</summary>
    public AnswerSet EffectiveAnswers { get; }

    public bool IsSectionVisible(string sectionId) => _sections.Contains(sectionId);

    public bool IsQuestionVisible(string questionId) => _questions.Contains(questionId);

    /// <summary>True when the option is offered; false when its question or the option itself is hidden.</summary>
    public bool IsOptionVisible(string questionId, string value) =>
        _options.TryGetValue(questionId, out var values) && values.Contains(value, StringComparer.Ordinal);

    /// <summary>Visible option values of a visible question, in definition order; empty otherwise.</summary>
    public IReadOnlyList<string> VisibleOptionValues(string questionId) =>
        _options.GetValueOrDefault(questionId) ?? [];

    /// <summary>Visible options of a question, in definition order.</summary>
    public IReadOnlyList<QuestionOption> VisibleOptions(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var values = VisibleOptionValues(question.Id);
        return question.Options.Where(o => values.Contains(o.Value, StringComparer.Ordinal)).ToList();
    }
}
