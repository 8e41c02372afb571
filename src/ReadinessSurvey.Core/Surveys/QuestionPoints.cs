namespace ReadinessSurvey.Surveys;

/// <summary>
/// Turns one answer into 0-4 points by the rules of its question type, before any reverse scoring.
/// Null means "no points": unanswered, don't know, an unscored option, or a value outside every band.
/// </summary>
public static class QuestionPoints
{
    /// <summary>Highest points a single item can earn.</summary>
    public const decimal Maximum = 4m;

    /// <summary>Raw points for an answer, counting only the options display logic left visible.</summary>
    public static decimal? Raw(Question question, AnswerValue? answer, IReadOnlyCollection<string>? visibleOptions = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (answer is null || answer.IsEmpty || answer.DontKnow)
        {
            return null;
        }

        return question.Type switch
        {
            QuestionType.SingleChoice => SingleChoice(question, answer, visibleOptions),
            QuestionType.MultipleChoice => Breadth(question, answer, visibleOptions),
            QuestionType.Likert => Likert(question, answer),
            QuestionType.YesNo => answer.YesNo switch
            {
                true => question.YesScore,
                false => question.NoScore,
                null => null,
            },
            QuestionType.Number => answer.Number is { } n ? question.Bands?.FirstOrDefault(b => b.Contains(n))?.Score : null,
            _ => null,
        };
    }

    /// <summary>Points after reverse scoring, as they count towards a dimension.</summary>
    public static decimal? Scored(Question question, AnswerValue? answer, IReadOnlyCollection<string>? visibleOptions = null)
    {
        var raw = Raw(question, answer, visibleOptions);
        return raw is { } points && question.Reverse ? Maximum - points : raw;
    }

    private static decimal? SingleChoice(Question question, AnswerValue answer, IReadOnlyCollection<string>? visible)
    {
        if (answer.Options is not [var value] || !IsVisible(value, visible))
        {
            return null;
        }

        var option = question.FindOption(value);
        return option is null || option.DontKnow ? null : option.Score;
    }

    private static decimal? Breadth(Question question, AnswerValue answer, IReadOnlyCollection<string>? visible)
    {
        if (!question.IsBreadthScored || question.Bands is null || answer.Options is null)
        {
            return null;
        }

        var ticked = answer.Options
            .Where(v => IsVisible(v, visible))
            .Select(question.FindOption)
            .OfType<QuestionOption>()
            .ToList();

        // Only "Don't know" ticked says nothing about breadth; "None" (exclusive) is a real answer of 0.
        if (ticked.Count == 0 || ticked.All(o => o.DontKnow))
        {
            return null;
        }

        var count = ticked.Count(o => !o.DontKnow && !o.Exclusive);
        return question.Bands.FirstOrDefault(b => b.Contains(count))?.Score;
    }

    private static decimal? Likert(Question question, AnswerValue answer)
    {
        if (answer.Number is not { } chosen || question.Points.Count < 2)
        {
            return null;
        }

        var index = -1;
        for (var i = 0; i < question.Points.Count; i++)
        {
            if (question.Points[i].Point == chosen)
            {
                index = i;
            }
        }

        // Points spread evenly over 0-4 whatever the scale length, so 5-point and 7-point scales compare.
        return index < 0 ? null : Maximum * index / (question.Points.Count - 1);
    }

    private static bool IsVisible(string value, IReadOnlyCollection<string>? visible) =>
        visible is null || visible.Contains(value);
}
