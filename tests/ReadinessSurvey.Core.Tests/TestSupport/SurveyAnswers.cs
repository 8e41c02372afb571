using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.TestSupport;

/// <summary>Builds valid answer sets for a definition, question by question, honouring display logic.</summary>
public static class SurveyAnswers
{
    private static readonly Lazy<SurveyDefinition> s_default = new(() =>
        SurveyDefinitionLoader.LoadFile(Path.Combine(Repository.Surveys, "ai-readiness-2024-25.json")).Definition
            ?? throw new InvalidOperationException("The default survey does not load."));

    public static SurveyDefinition Default => s_default.Value;

    public static CouncilProfile District { get; } = new("E07000223", "Adur", "E07", "E12000008", "lower");

    public static CouncilProfile County { get; } = new("E10000032", "West Sussex", "E10", "E12000008", "upper");

    /// <summary>
    /// A complete, valid return: each visible question gets <paramref name="choose"/>'s answer, or a plain
    /// valid one (first real option, middle of the scale, yes, the minimum number, short text).
    /// </summary>
    public static AnswerSet Complete(SurveyDefinition definition, CouncilProfile council, Func<Question, AnswerValue?>? choose = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var answers = AnswerSet.Empty;
        foreach (var question in definition.Questions)
        {
            var visibility = DisplayLogic.Evaluate(definition, council, answers);
            if (!visibility.IsQuestionVisible(question.Id) || question.Type == QuestionType.Council)
            {
                continue;
            }

            var value = choose?.Invoke(question) ?? Plain(question, visibility);
            if (value is not null)
            {
                answers = answers.With(question.Id, value);
            }
        }

        return answers;
    }

    public static AnswerValue? Plain(Question question, SurveyVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(visibility);
        var options = visibility.VisibleOptions(question).Where(o => !o.DontKnow && !o.Exclusive).ToList();
        return question.Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleChoice => options.Count > 0 ? AnswerValue.Choice(options[0].Value) : null,
            QuestionType.Likert => AnswerValue.Of(question.Points[question.Points.Count / 2].Point),
            QuestionType.YesNo => AnswerValue.Of(true),
            QuestionType.Number => AnswerValue.Of(question.Min ?? 0),
            QuestionType.Text or QuestionType.LongText => AnswerValue.OfText("Plain answer"),
            _ => null,
        };
    }
}
