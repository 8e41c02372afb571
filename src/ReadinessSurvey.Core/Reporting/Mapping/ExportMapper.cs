using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Builds the response export: the codebook from the definition and one row per submitted return,
/// streamed from the database in return-id order (<see cref="ExportRowReader"/>) so memory does not
/// grow with the number of returns.
/// </summary>
public static class ExportMapper
{
    /// <summary>
    /// The export of a round. Its rows are read from <paramref name="db"/> on the thread pool, a bounded
    /// number ahead of the writer, so reading the database and writing the file share the processors.
    /// </summary>
    public static ExportModel Map(ReportSource source, ReadinessDbContext db) =>
        Map(source, ReadAhead.Of(Rows(source, db), ReadAheadRows));

    /// <summary>The export of a round with the given rows (e.g. one read shared by several writers, see <see cref="ReadAhead.ShareAsync{T}"/>).</summary>
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

    /// <summary>How many rows are read ahead of a writer: enough to ride out a slow patch on either side, few enough to keep memory flat.</summary>
    public const int ReadAheadRows = 512;

    /// <summary>The round's submitted returns straight from the database, on the caller's thread.</summary>
    public static IAsyncEnumerable<ExportRow> Rows(ReportSource source, ReadinessDbContext db)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(db);
        return ExportRowReader.RowsAsync(db, source.RoundId, source.Definition);
    }

    public static IReadOnlyList<ExportQuestion> Questions(SurveyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var questions = new List<ExportQuestion>();
        foreach (var q in definition.Questions)
        {
            ExportQuestionKind? kind = q.Type switch
            {
                QuestionType.SingleChoice or QuestionType.Likert or QuestionType.YesNo => ExportQuestionKind.Choice,
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
