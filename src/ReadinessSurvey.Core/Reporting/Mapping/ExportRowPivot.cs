using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Turns answer rows (ordered by return) into one <see cref="ExportRow"/> per return. Fed by a cursor
/// over the database (<see cref="ExportRowReader"/>): a return's columns when a new return starts, then
/// each of its answers.
/// </summary>
/// <remarks>
/// Note: this runs for each of millions of answer rows, so question ids and choice codes arrive as
/// character spans and are looked up without making a string, and choice answers are shared immutable
/// instances, one per (question, code).
/// </remarks>
internal sealed class ExportRowPivot
{
    private readonly Dictionary<string, Slot>.AlternateLookup<ReadOnlySpan<char>> _questions;
    private readonly IReadOnlyDictionary<int, CouncilNames> _councils;
    private readonly int _questionCount;
    private ExportRow? _row;
    private Dictionary<string, ExportAnswer>? _answers;
    private Slot? _needsJson;

    public ExportRowPivot(SurveyDefinition definition, IReadOnlyDictionary<int, CouncilNames> councils)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _councils = councils;
        _questionCount = definition.Questions.Count;
        _questions = definition.Questions
            .ToDictionary(q => q.Id, q => new Slot(q), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The id of the return being built, or -1 before the first.</summary>
    public int CurrentReturnId { get; private set; } = -1;

    /// <summary>Starts a return; gives back the one it finishes (null for the first).</summary>
    public ExportRow? Start(int returnId, int councilId, DateTime? submittedAt, double? overall, int? level)
    {
        var finished = _row;
        CurrentReturnId = returnId;
        var council = _councils.GetValueOrDefault(councilId);
        _answers = new Dictionary<string, ExportAnswer>(_questionCount, StringComparer.Ordinal);
        _row = new ExportRow
        {
            CouncilCode = council?.Code ?? "",
            CouncilName = council?.Name ?? "",
            CouncilType = council?.TypeName ?? "",
            Region = council?.RegionName ?? "",
            Status = "Submitted",
            SubmittedAt = submittedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
            Overall = overall is { } o ? SectorReportMapper.ToDecimal(o) : null,
            Level = level,
            Answers = _answers,
        };
        return finished;
    }

    /// <summary>The last return, once the rows have run out.</summary>
    public ExportRow? Finish()
    {
        var finished = _row;
        _row = null;
        return finished;
    }

    /// <summary>
    /// Adds an answer from its derived columns when they alone give it: a choice code for any question
    /// but multiple choice (whose codes are in the JSON), or a number question's number. Returns the
    /// question when the answer has to be read from its JSON instead (see <see cref="AddJson"/> and
    /// <see cref="Add"/>), and null when it is done or belongs to a question no longer asked.
    /// </summary>
    public Question? AddFromColumns(ReadOnlySpan<char> questionId, ReadOnlySpan<char> choice, bool hasChoice, double? number)
    {
        if (!_questions.TryGetValue(questionId, out var slot))
        {
            return null;
        }

        var question = slot.Question;
        if (hasChoice && question.Type != QuestionType.MultipleChoice)
        {
            _answers![question.Id] = slot.Choice(choice);
            return null;
        }

        if (!hasChoice && question.Type == QuestionType.Number && number is { } n)
        {
            // As StoredAnswers.Parse reads a number answer whose JSON is not selected.
            _answers![question.Id] = new ExportAnswer([], (decimal)n);
            return null;
        }

        _needsJson = slot;
        return question;
    }

    /// <summary>Adds the answer <see cref="AddFromColumns"/> last said needs its JSON, read from the JSON's UTF-8.</summary>
    public void AddJson(ReadOnlySpan<byte> json, string? choice, double? number)
    {
        var slot = _needsJson ?? throw new InvalidOperationException("No answer is waiting for its JSON.");
        _needsJson = null;
        var value = (json.IsEmpty ? null : slot.Json.TryRead(json)) ?? StoredAnswers.Parse(slot.Question, json, choice, number);
        Add(slot.Question, value);
    }

    /// <summary>Adds an answer read the long way (its JSON, or its columns for anything unusual).</summary>
    public void Add(Question question, AnswerValue value) =>
        _answers![question.Id] = question.Type switch
        {
            QuestionType.Number => new ExportAnswer([], value.Number),
            QuestionType.Text or QuestionType.LongText => new ExportAnswer([], null, value.Text),
            QuestionType.MultipleChoice => new ExportAnswer(value.Options ?? [], null, null, value.Other),
            _ => new ExportAnswer(StoredAnswers.CodesOf(question, value)),
        };

    /// <summary>A council's names, looked up by id (the register is small, the rows are not).</summary>
    public sealed record CouncilNames(string Code, string Name, string TypeName, string RegionName);

    private sealed class Slot(Question question)
    {
        private readonly Dictionary<string, ExportAnswer> _choices = new(StringComparer.Ordinal);

        private AnswerJsonReader? _json;

        public Question Question { get; } = question;

        public AnswerJsonReader Json => _json ??= new AnswerJsonReader(Question);

        public ExportAnswer Choice(ReadOnlySpan<char> code)
        {
            var lookup = _choices.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(code, out var answer))
            {
                var text = code.ToString();
                answer = new ExportAnswer([text]);
                _choices[text] = answer;
            }

            return answer;
        }
    }
}
