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
/// <see cref="OutsideScale"/> marks answers such as "Don't know" that sit outside a Likert scale;
/// <see cref="OwnBase"/> an option shown only to some councils, whose cells have their own base.
/// </summary>
public sealed record QuestionOptionRow(string Option, IReadOnlyList<QuestionCell> Cells, bool OutsideScale = false, bool OwnBase = false);

/// <summary>
/// A count with its base and percentage. When <see cref="Suppressed"/> is true the published workbook
/// shows [c] and never the count; the count may then be null.
/// </summary>
/// <param name="Base">The councils the percentage is of: those in the group that answered the question and
/// were shown this answer.</param>
public sealed record QuestionCell(int? Count, int Base, bool Suppressed = false)
{
    /// <summary>
    /// The share (0 to 1) as the snapshot computed it (<c>OptionCount.Percent</c>, decision 0081): every
    /// output reads this one figure and none divides for itself.
    /// </summary>
    public decimal? Percent { get; init; }

    /// <summary>True when the base is withheld in the published view (shown as [c]; <see cref="Base"/> is then 0).</summary>
    public bool BaseSuppressed { get; init; }

    /// <summary>The text every output puts beside an answer's percentage.</summary>
    public const string PercentDefinition =
        "Percentages are of the councils that answered the question and were shown the answer (the base); \"Don't know\" is counted in the base and shown as its own answer.";
}
