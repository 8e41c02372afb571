using NCalc;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// Load-time checks of a parsed condition: only known questions, council facts, survey functions and
/// plain operators, and only questions that come earlier in the survey. A condition that passes cannot
/// reach anything but the answers, which is why no expression can run code.
/// </summary>
internal sealed class ConditionChecker
{
    private static readonly HashSet<string> _councilFacts =
        new(StringComparer.Ordinal) { "council.code", "council.name", "council.type", "council.region", "council.tier" };

    private static readonly HashSet<BinaryExpressionType> _allowedOperators =
    [
        BinaryExpressionType.And, BinaryExpressionType.Or, BinaryExpressionType.Equal, BinaryExpressionType.NotEqual,
        BinaryExpressionType.Lesser, BinaryExpressionType.LesserOrEqual, BinaryExpressionType.Greater,
        BinaryExpressionType.GreaterOrEqual, BinaryExpressionType.Plus, BinaryExpressionType.Minus,
        BinaryExpressionType.Times, BinaryExpressionType.Div, BinaryExpressionType.Modulo,
        BinaryExpressionType.In, BinaryExpressionType.NotIn,
    ];

    private readonly SurveyDefinition _definition;
    private readonly ConditionOwner _owner;
    private readonly List<string> _errors = [];

    private ConditionChecker(SurveyDefinition definition, ConditionOwner owner)
    {
        _definition = definition;
        _owner = owner;
    }

    /// <summary>Every problem with the condition, in plain English; empty when it is fine.</summary>
    public static IReadOnlyList<string> Check(Condition condition, SurveyDefinition definition, ConditionOwner owner)
    {
        var checker = new ConditionChecker(definition, owner);
        checker.Walk(condition.Tree);
        return checker._errors;
    }

    private void Walk(LogicalExpression node)
    {
        switch (node)
        {
            case BinaryExpression binary:
                if (!_allowedOperators.Contains(binary.Type))
                {
                    _errors.Add($"Operator '{binary.Type}' is not allowed in conditions.");
                }

                Walk(binary.LeftExpression);
                Walk(binary.RightExpression);
                break;
            case UnaryExpression unary:
                if (unary.Type is not (UnaryExpressionType.Not or UnaryExpressionType.Negate or UnaryExpressionType.Positive))
                {
                    _errors.Add($"Operator '{unary.Type}' is not allowed in conditions.");
                }

                Walk(unary.Expression);
                break;
            case TernaryExpression ternary:
                Walk(ternary.LeftExpression);
                Walk(ternary.MiddleExpression);
                Walk(ternary.RightExpression);
                break;
            case LogicalExpressionList list:
                foreach (var item in list)
                {
                    Walk(item);
                }

                break;
            case Function function:
                CheckFunction(function);
                break;
            case Identifier identifier:
                CheckIdentifier(identifier.Name);
                break;
        }
    }

    private void CheckFunction(Function function)
    {
        var name = function.Identifier.Name;
        if (!ConditionFunctions.All.Contains(name))
        {
            _errors.Add($"Unknown function '{name}'. Conditions may only use selected, count and answered.");
            return;
        }

        var expected = name == ConditionFunctions.Selected ? 2 : 1;
        if (function.Parameters.Count != expected || function.Parameters[0] is not Identifier target)
        {
            _errors.Add(expected == 2
                ? "Write selected as selected([QUESTION], 'option value')."
                : $"Write {name} as {name}([QUESTION]).");
            return;
        }

        var question = CheckQuestionReference(target.Name);
        if (name == ConditionFunctions.Answered || question is null)
        {
            return;
        }

        if (question.Type is not (QuestionType.SingleChoice or QuestionType.MultipleChoice))
        {
            _errors.Add($"{name} needs a choice question, but {question.Id} is a {question.Type} question.");
            return;
        }

        if (name == ConditionFunctions.Selected)
        {
            if (function.Parameters[1] is not ValueExpression { Value: string value })
            {
                _errors.Add("The second argument of selected must be an option value in quotes.");
            }
            else if (question.FindOption(value) is null)
            {
                _errors.Add($"Question {question.Id} has no option '{value}'.");
            }
        }
    }

    private void CheckIdentifier(string name)
    {
        if (name.StartsWith("council.", StringComparison.Ordinal))
        {
            if (!_councilFacts.Contains(name))
            {
                _errors.Add($"Unknown council fact [{name}]. Use one of: {string.Join(", ", _councilFacts.Order(StringComparer.Ordinal))}.");
            }

            return;
        }

        if (string.Equals(name, "null", StringComparison.OrdinalIgnoreCase))
        {
            _errors.Add("Conditions cannot use null. Use answered([QUESTION]) to test for an answer.");
            return;
        }

        const string scoreSuffix = ".score";
        var questionId = name.EndsWith(scoreSuffix, StringComparison.Ordinal) ? name[..^scoreSuffix.Length] : name;
        var question = CheckQuestionReference(questionId);
        if (question is not null && questionId.Length != name.Length
            && question.Type is QuestionType.Text or QuestionType.LongText or QuestionType.Council)
        {
            _errors.Add($"Question {question.Id} is a {question.Type} question, so it has no score.");
        }
    }

    private Question? CheckQuestionReference(string questionId)
    {
        var question = _definition.FindQuestion(questionId);
        if (question is null)
        {
            _errors.Add($"Condition refers to unknown question '{questionId}'.");
            return null;
        }

        if (string.Equals(questionId, _owner.QuestionId, StringComparison.Ordinal))
        {
            _errors.Add($"Condition of {questionId} refers to the question itself.");
            return null;
        }

        if (question.IsAboutContributor)
        {
            _errors.Add($"Condition refers to {questionId}, which each contributor answers for themselves, so the return has no one answer to it.");
            return null;
        }

        if (_definition.OrderOf(questionId) >= _owner.FirstVisibleOrder)
        {
            _errors.Add($"Condition refers to {questionId}, which comes later in the survey. Conditions may only use earlier questions.");
            return null;
        }

        return question;
    }
}

/// <summary>Where a condition sits: its question (if any) and the first survey position it may not refer to.</summary>
internal sealed record ConditionOwner(string? QuestionId, int FirstVisibleOrder);
