namespace ReadinessSurvey.Surveys;

/// <summary>Gives conditions the council's facts and the effective answers gathered so far.</summary>
internal sealed class AnswerScope(
    SurveyDefinition definition,
    CouncilProfile council,
    IReadOnlyDictionary<string, AnswerValue> effective,
    IReadOnlyDictionary<string, IReadOnlyList<string>> visibleOptions) : IConditionScope
{
    private const string ScoreSuffix = ".score";

    public object? Resolve(string name)
    {
        switch (name)
        {
            case "council.code": return council.Code;
            case "council.name": return council.Name;
            case "council.type": return council.Type;
            case "council.region": return council.Region;
            case "council.tier": return council.Tier;
        }

        if (name.EndsWith(ScoreSuffix, StringComparison.Ordinal))
        {
            var scored = definition.FindQuestion(name[..^ScoreSuffix.Length]);
            return scored is null
                ? null
                : QuestionPoints.Raw(scored, effective.GetValueOrDefault(scored.Id), visibleOptions.GetValueOrDefault(scored.Id));
        }

        var question = definition.FindQuestion(name);
        if (question is null)
        {
            return null;
        }

        if (question.Type == QuestionType.Council)
        {
            return council.Code;
        }

        var answer = effective.GetValueOrDefault(question.Id);
        if (answer is null || answer.DontKnow)
        {
            return null;
        }

        return question.Type switch
        {
            QuestionType.SingleChoice => answer.Options is [var value] ? value : null,
            QuestionType.MultipleChoice => answer.Options ?? [],
            QuestionType.Number or QuestionType.Likert => answer.Number,
            QuestionType.YesNo => answer.YesNo,
            _ => answer.Text,
        };
    }

    public IReadOnlyList<string> Selected(string questionId) =>
        effective.GetValueOrDefault(questionId)?.Options ?? [];

    public bool Answered(string questionId) =>
        definition.FindQuestion(questionId)?.Type == QuestionType.Council || effective.ContainsKey(questionId);
}
