using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>Reads stored answers back into <see cref="AnswerValue"/>s for reports.</summary>
public static class StoredAnswers
{
    /// <summary>The answers of one return by question id.</summary>
    public static async Task<Dictionary<string, AnswerValue>> ForReturnAsync(ReadinessDbContext db, int returnId, SurveyDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        var rows = await db.Answers.AsNoTracking().Where(a => a.ReturnId == returnId)
            .Select(a => new { a.QuestionId, a.ValueJson, a.Choice, a.Number })
            .ToListAsync(cancellationToken);
        var selections = (await db.AnswerSelections.AsNoTracking().Where(s => s.ReturnId == returnId)
                .Select(s => new { s.QuestionId, s.Value }).ToListAsync(cancellationToken))
            .ToLookup(s => s.QuestionId, s => s.Value);
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (definition.FindQuestion(row.QuestionId) is { } question)
            {
                answers[row.QuestionId] = Parse(question, row.ValueJson, row.Choice, row.Number, [.. selections[row.QuestionId]]);
            }
        }

        return answers;
    }

    /// <summary>
    /// The answer a row holds. The JSON is the record; when it cannot be read (hand-made or older rows)
    /// the value is rebuilt from the columns kept for counting, so a report never fails on one bad row.
    /// </summary>
    public static AnswerValue Parse(Question question, string? json, string? choice, double? number, IReadOnlyList<string>? selections = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (!string.IsNullOrEmpty(json) && json[0] == '{')
        {
            try
            {
                if (AnswerValue.FromJson(json) is { } parsed)
                {
                    return parsed;
                }
            }
            catch (JsonException)
            {
                // Fall through to the derived columns.
            }
        }

        return FromColumns(question, choice, number, selections);
    }

    /// <summary>As <see cref="Parse(Question, string?, string?, double?, IReadOnlyList{string}?)"/>, from the JSON's UTF-8 bytes (no string made for it).</summary>
    public static AnswerValue Parse(Question question, ReadOnlySpan<byte> utf8Json, string? choice, double? number)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (!utf8Json.IsEmpty && utf8Json[0] == (byte)'{')
        {
            try
            {
                if (JsonSerializer.Deserialize<AnswerValue>(utf8Json, AnswerJson.Options) is { } parsed)
                {
                    return parsed;
                }
            }
            catch (JsonException)
            {
                // Fall through to the derived columns.
            }
        }

        return FromColumns(question, choice, number, null);
    }

    /// <summary>The answer rebuilt from the columns kept for counting.</summary>
    private static AnswerValue FromColumns(Question question, string? choice, double? number, IReadOnlyList<string>? selections)
    {
        if (choice == AnswerStorage.DontKnowCode)
        {
            return AnswerValue.DontKnowAnswer;
        }

        return question.Type switch
        {
            QuestionType.SingleChoice when choice is not null => AnswerValue.Choice(choice),
            QuestionType.MultipleChoice => new AnswerValue { Options = selections ?? [] },
            QuestionType.YesNo when choice is not null => AnswerValue.Of(choice == "yes"),
            QuestionType.Likert when decimal.TryParse(choice, NumberStyles.Integer, CultureInfo.InvariantCulture, out var point) => AnswerValue.Of(point),
            QuestionType.Number when number is { } n => AnswerValue.Of((decimal)n),
            _ => new AnswerValue(),
        };
    }

    /// <summary>The stored codes of an answer, as aggregation counts them (see <see cref="ReportSource.CodesOf"/>).</summary>
    public static IReadOnlyList<string> CodesOf(Question question, AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(value);
        if (value.DontKnow)
        {
            return [AnswerStorage.DontKnowCode];
        }

        return question.Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleChoice => value.Options ?? [],
            QuestionType.YesNo when value.YesNo is { } yes => [yes ? "yes" : "no"],
            QuestionType.Likert when value.Number is { } n => [n.ToString(CultureInfo.InvariantCulture)],
            _ => [],
        };
    }
}
