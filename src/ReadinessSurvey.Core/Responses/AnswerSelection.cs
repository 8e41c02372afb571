namespace ReadinessSurvey.Responses;

/// <summary>
/// One ticked option of a multiple-choice answer. Derived from <see cref="Answer.ValueJson"/> on every
/// save; it carries the return and question ids so counts need no join.
/// </summary>
public sealed class AnswerSelection
{
    public long Id { get; set; }

    public long AnswerId { get; set; }

    public int ReturnId { get; set; }

    public required string QuestionId { get; set; }

    public required string Value { get; set; }
}
