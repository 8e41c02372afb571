namespace ReadinessSurvey.Reporting.Models;

/// <summary>What kind of answers a question table counts.</summary>
public enum QuestionTableKind
{
    SingleChoice,

    /// <summary>Councils may give several answers, so percentages can add up to more than 100.</summary>
    MultipleChoice,

    /// <summary>An ordered agreement scale: options run from most negative to most positive.</summary>
    Likert,

    YesNo,

    /// <summary>A number question counted in bands.</summary>
    NumberBands,
}

/// <summary>
/// Counts of the answers to one question, broken down by group. Rows are the options, columns the
/// groups (all councils first, then types, then regions).
/// </summary>
public sealed record QuestionTable
{
    public required string QuestionId { get; init; }

    public required string QuestionText { get; init; }

    public required string SectionId { get; init; }

    public required string SectionTitle { get; init; }

    public QuestionTableKind Kind { get; init; }

    public required IReadOnlyList<QuestionGroupColumn> Columns { get; init; }

    public required IReadOnlyList<QuestionOptionRow> Rows { get; init; }
}

/// <summary>
/// A group column: the councils of one group that were asked the question and answered it.
/// <see cref="BaseSuppressed"/> marks a base withheld in the published view (shown as [c]).
/// </summary>
public sealed record QuestionGroupColumn(string GroupKind, string Group, int Base, bool BaseSuppressed = false);

/// <summary>
/// One option with a cell per column (same order as <see cref="QuestionTable.Columns"/>).
/// <see cref="OutsideScale"/> marks answers such as "Don't know" that sit outside a Likert scale.
/// </summary>
public sealed record QuestionOptionRow(string Option, IReadOnlyList<QuestionCell> Cells, bool OutsideScale = false);

/// <summary>
/// A count with its base. When <see cref="Suppressed"/> is true the published workbook shows [c]
/// and never the count; the count may then be null.
/// </summary>
public sealed record QuestionCell(int? Count, int Base, bool Suppressed = false)
{
    public decimal? Percent => Count is { } c && Base > 0 ? (decimal)c / Base : null;
}
