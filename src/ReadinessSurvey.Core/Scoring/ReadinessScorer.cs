using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Scoring;

/// <summary>
/// Scores a council's answers against a definition's scoring model. Pure: same inputs, same profile.
/// Dimension score = 100 × Σ(weight × points) ÷ (4 × Σ weight) over visible scored questions with points.
/// Overall = weighted mean of dimensions that have a score, with weights renormalised over them; it is null
/// when dimensions holding at least half the (non-dropped) weight lack a score, because a mean of a
/// minority of the model would not describe the council.
/// </summary>
public static class ReadinessScorer
{
    /// <summary>Share of total dimension weight that must have scores for an overall score.</summary>
    public const decimal OverallWeightThreshold = 0.5m;

    public static ReadinessProfile Score(SurveyDefinition definition, CouncilProfile council, AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var visibility = DisplayLogic.Evaluate(definition, council, answers);
        return Score(definition, visibility);
    }

    /// <summary>Scores with visibility already worked out (saves a second pass when the caller has it).</summary>
    public static ReadinessProfile Score(SurveyDefinition definition, SurveyVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(visibility);
        var model = definition.Scoring;
        var dimensions = model.Dimensions.Select(d => ScoreDimension(definition, d, visibility)).ToList();

        var counted = dimensions.Where(d => d.Status != DimensionStatus.Dropped).ToList();
        var totalWeight = counted.Sum(d => d.Weight);
        var withScore = counted.Where(d => d.Score is not null).ToList();
        var scoredWeight = withScore.Sum(d => d.Weight);

        decimal? overall = null;
        if (scoredWeight > 0 && scoredWeight >= OverallWeightThreshold * totalWeight)
        {
            overall = withScore.Sum(d => d.Weight * d.Score!.Value) / scoredWeight;
        }

        var level = overall is { } score ? LevelFor(model, score) : null;
        return new ReadinessProfile(dimensions, overall, level?.Level, level?.Label);
    }

    /// <summary>The highest maturity level whose minimum the score reaches.</summary>
    public static MaturityLevel? LevelFor(ScoringModel model, decimal score)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.MaturityLevels.LastOrDefault(l => score >= l.MinScore);
    }

    private static DimensionResult ScoreDimension(SurveyDefinition definition, ScoringDimension dimension, SurveyVisibility visibility)
    {
        var eligible = 0;
        var answered = 0;
        decimal weighted = 0;
        decimal weights = 0;
        foreach (var question in definition.Questions)
        {
            if (!string.Equals(question.Dimension, dimension.Id, StringComparison.Ordinal) || !visibility.IsQuestionVisible(question.Id))
            {
                continue;
            }

            eligible++;
            var points = QuestionPoints.Scored(
                question, visibility.EffectiveAnswers.Get(question.Id), visibility.VisibleOptionValues(question.Id));
            if (points is { } p)
            {
                answered++;
                weighted += question.Weight * p;
                weights += question.Weight;
            }
        }

        var model = definition.Scoring;
        if (eligible == 0)
        {
            return model.SkippedSection == SkippedSectionRule.Zero
                ? Result(0m, DimensionStatus.SkippedScoredZero)
                : Result(null, DimensionStatus.Dropped);
        }

        if ((decimal)answered / eligible < model.CoverageThreshold || weights == 0)
        {
            return Result(null, DimensionStatus.InsufficientData);
        }

        return Result(100m * weighted / (QuestionPoints.Maximum * weights), DimensionStatus.Scored);

        DimensionResult Result(decimal? score, DimensionStatus status) =>
            new(dimension.Id, dimension.Label, dimension.Weight, score, answered, eligible, status);
    }
}
