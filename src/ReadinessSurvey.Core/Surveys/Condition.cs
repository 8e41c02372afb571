using System.Globalization;
using NCalc;
using NCalc.Exceptions;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// A showIf expression parsed once by NCalc's parser when its definition loads.
/// It is evaluated by <see cref="ConditionEvaluator"/> rather than NCalc's own evaluator so that only the
/// survey functions exist (no reflection or built-ins), and an unanswered question makes comparisons false
/// instead of throwing.
/// </summary>
internal sealed class Condition
{
    private Condition(string text, LogicalExpression tree)
    {
        Text = text;
        Tree = tree;
    }

    public string Text { get; }

    public LogicalExpression Tree { get; }

    /// <summary>Parses the text, or returns null with a plain-English reason.</summary>
    public static Condition? TryParse(string text, out string? error)
    {
        try
        {
            var tree = LogicalExpressionParser.Parse(
                text, new LogicalExpressionParserOptions(), CultureInfo.InvariantCulture, CancellationToken.None);
            error = null;
            return new Condition(text, tree);
        }
        catch (NCalcException ex)
        {
            error = $"Condition '{text}' is not a valid expression ({ex.Message}).";
            return null;
        }
    }

    /// <summary>True only when the expression evaluates to boolean true.</summary>
    public bool IsTrue(IConditionScope scope) =>
        Tree.Accept(new ConditionEvaluator(scope)) is true;
}

/// <summary>What a condition can see: the council's facts and the visible answers so far.</summary>
internal interface IConditionScope
{
    /// <summary>Value of [name]: a question id, "id.score" or "council.fact"; null when unanswered.</summary>
    object? Resolve(string name);

    /// <summary>Ticked (visible) option values of a choice question; empty when unanswered.</summary>
    IReadOnlyList<string> Selected(string questionId);

    bool Answered(string questionId);
}
