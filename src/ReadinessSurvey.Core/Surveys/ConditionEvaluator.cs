using NCalc;
using NCalc.Visitors;

namespace ReadinessSurvey.Surveys;

/// <summary>
/// Evaluates a parsed condition null-safely: any comparison with an unanswered (null) value is false,
/// arithmetic on null gives null, and only the survey functions selected, count and answered exist.
/// Numbers are compared as decimals so 2 and 2.0 are equal.
/// </summary>
internal sealed class ConditionEvaluator(IConditionScope scope) : ILogicalExpressionVisitor<object?>
{
    public object? Visit(TernaryExpression expression) =>
        expression.LeftExpression.Accept(this) is true
            ? expression.MiddleExpression.Accept(this)
            : expression.RightExpression.Accept(this);

    public object? Visit(BinaryExpression expression)
    {
        var type = expression.Type;
        if (type == BinaryExpressionType.And)
        {
            return expression.LeftExpression.Accept(this) is true && expression.RightExpression.Accept(this) is true;
        }

        if (type == BinaryExpressionType.Or)
        {
            return expression.LeftExpression.Accept(this) is true || expression.RightExpression.Accept(this) is true;
        }

        var left = expression.LeftExpression.Accept(this);
        var right = expression.RightExpression.Accept(this);
        return type switch
        {
            BinaryExpressionType.In => IsIn(left, right),
            BinaryExpressionType.NotIn => left is not null && right is not null && !IsIn(left, right),
            BinaryExpressionType.Plus or BinaryExpressionType.Minus or BinaryExpressionType.Times
                or BinaryExpressionType.Div or BinaryExpressionType.Modulo => Arithmetic(type, left, right),
            _ => Compare(type, left, right),
        };
    }

    public object? Visit(UnaryExpression expression)
    {
        var value = expression.Expression.Accept(this);
        return expression.Type switch
        {
            UnaryExpressionType.Not => value is not true,
            UnaryExpressionType.Negate => ToDecimal(value) is { } number ? -number : null,
            UnaryExpressionType.Positive => ToDecimal(value),
            _ => null,
        };
    }

    public object? Visit(ValueExpression expression) =>
        ToDecimal(expression.Value) is { } number ? number : expression.Value;

    public object? Visit(Function function)
    {
        var name = function.Identifier.Name;
        var questionId = function.Parameters.Count > 0 && function.Parameters[0] is Identifier id ? id.Name : null;
        if (questionId is null)
        {
            return null;
        }

        return name switch
        {
            ConditionFunctions.Selected => function.Parameters.Count == 2
                && function.Parameters[1].Accept(this) is string value
                && scope.Selected(questionId).Contains(value, StringComparer.Ordinal),
            ConditionFunctions.Count => (decimal)scope.Selected(questionId).Count,
            ConditionFunctions.Answered => scope.Answered(questionId),
            _ => null,
        };
    }

    public object? Visit(Identifier identifier) => scope.Resolve(identifier.Name);

    public object? Visit(LogicalExpressionList list)
    {
        var values = new List<object?>(list.Count);
        foreach (var item in list)
        {
            values.Add(item.Accept(this));
        }

        return values;
    }

    private static bool IsIn(object? left, object? right)
    {
        if (left is null)
        {
            return false;
        }

        return right switch
        {
            List<object?> values => values.Any(v => AreEqual(left, v)),
            IReadOnlyList<string> ticked => left is string s && ticked.Contains(s, StringComparer.Ordinal),
            _ => AreEqual(left, right),
        };
    }

    private static object? Arithmetic(BinaryExpressionType type, object? left, object? right)
    {
        if (ToDecimal(left) is not { } a || ToDecimal(right) is not { } b)
        {
            return null;
        }

        return type switch
        {
            BinaryExpressionType.Plus => a + b,
            BinaryExpressionType.Minus => a - b,
            BinaryExpressionType.Times => a * b,
            BinaryExpressionType.Div => b == 0 ? null : a / b,
            BinaryExpressionType.Modulo => b == 0 ? null : a % b,
            _ => null,
        };
    }

    private static bool Compare(BinaryExpressionType type, object? left, object? right)
    {
        // The rule that keeps unanswered questions harmless: no comparison with null is ever true.
        if (left is null || right is null)
        {
            return false;
        }

        if (type == BinaryExpressionType.Equal)
        {
            return AreEqual(left, right);
        }

        if (type == BinaryExpressionType.NotEqual)
        {
            return !AreEqual(left, right);
        }

        int? order = (ToDecimal(left), ToDecimal(right)) switch
        {
            ({ } a, { } b) => a.CompareTo(b),
            _ when left is string a && right is string b => string.CompareOrdinal(a, b),
            _ => null,
        };
        return order is { } o && type switch
        {
            BinaryExpressionType.Lesser => o < 0,
            BinaryExpressionType.LesserOrEqual => o <= 0,
            BinaryExpressionType.Greater => o > 0,
            BinaryExpressionType.GreaterOrEqual => o >= 0,
            _ => false,
        };
    }

    private static bool AreEqual(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return false;
        }

        if (ToDecimal(left) is { } a && ToDecimal(right) is { } b)
        {
            return a == b;
        }

        return left switch
        {
            string s => right is string t && string.Equals(s, t, StringComparison.Ordinal),
            bool x => right is bool y && x == y,
            _ => Equals(left, right),
        };
    }

    private static decimal? ToDecimal(object? value) => value switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        double d => (decimal)d,
        float f => (decimal)f,
        _ => null,
    };
}

/// <summary>Names of the functions conditions may call.</summary>
internal static class ConditionFunctions
{
    public const string Selected = "selected";
    public const string Count = "count";
    public const string Answered = "answered";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Selected, Count, Answered };
}
