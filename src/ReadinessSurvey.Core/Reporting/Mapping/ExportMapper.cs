using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Builds the response export: the codebook from the definition and one row per submitted return
/// in return-id order (<see cref="ExportRowReader"/>).
/// </summary>
public static class ExportMapper
{
    /// <summary>The export of a round, its rows read from the database as the writer goes.</summary>
    public static ExportModel Map(ReportSource source, ReadinessDbContext db)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(db);
        return Map(source, ExportRowReader.RowsAsync(db, source.RoundId, source.Definition));
    }

    /// <summary>The export of a round with the given rows.</summary>
    public static ExportModel Map(ReportSource source, IAsyncEnumerable<ExportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rows);
        return new ExportModel
        {
            About = source.About($"{source.Definition.Title}: {source.RoundName}, responses"),
            Questions = Questions(source.Definition),
            Rows = rows,
        };
    }

    public static IReadOnlyList<ExportQuestion> Questions(SurveyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var questions = new List<ExportQuestion>();
        // Questions about contributors (e.g. their role) describe people, not the council: not in a return's row.
        foreach (var q in definition.Questions.Where(q => !q.IsAboutContributor))
        {
            ExportQuestionKind? kind = q.Type switch
            {
                QuestionType.SingleChoice or QuestionType.YesNo => ExportQuestionKind.Choice,
                QuestionType.Likert => ExportQuestionKind.Scale,
                QuestionType.MultipleChoice => ExportQuestionKind.MultipleChoice,
                QuestionType.Number => ExportQuestionKind.Number,
                QuestionType.Text or QuestionType.LongText => ExportQuestionKind.Text,
                _ => null, // the council question is the row's identity columns
            };
            if (kind is { } k)
            {
                questions.Add(new ExportQuestion(
                    q.Id, q.Text, definition.SectionOf(q).Title, k,
                    ReportSource.CodesOf(q).Select(c => new ExportOption(c.Code, c.Label, c.Points)).ToList(),
                    HasOther: q.Other is not null,
                    Dimension: q.Dimension));
            }
        }

        return questions;
    }
}
