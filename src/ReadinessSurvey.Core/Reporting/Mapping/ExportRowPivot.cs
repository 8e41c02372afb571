using System.Text.Json;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Builds one <see cref="ExportRow"/> per return (<see cref="ExportRowReader"/>): a return's columns when
/// it starts, then its answers, from its submission record's JSON or read the long way.
/// </summary>
/// <remarks>
/// Note: this runs for each of millions of answers, so question ids are looked up from the JSON without
/// making a string, and choice answers are shared immutable instances, one per (question, code).
/// </remarks>
internal sealed class ExportRowPivot
{
    /// <summary>Question ids are at most 64 characters (the Answers column); longer names are not questions.</summary>
    private const int MaxQuestionId = 64;

    private readonly Dictionary<string, Slot> _slots;
    private readonly Dictionary<string, Slot>.AlternateLookup<ReadOnlySpan<char>> _questions;
    private readonly IReadOnlyDictionary<int, CouncilNames> _councils;
    private readonly int _questionCount;
    private ExportRow? _row;
    private Dictionary<string, ExportAnswer>? _answers;

    public ExportRowPivot(SurveyDefinition definition, IReadOnlyDictionary<int, CouncilNames> councils)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _councils = councils;
        _questionCount = definition.Questions.Count;
        _slots = definition.Questions.ToDictionary(q => q.Id, q => new Slot(q), StringComparer.Ordinal);
        _questions = _slots.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Starts a return's row; its answers follow, then <see cref="Finish"/>.</summary>
    public void Start(int councilId, DateTime? submittedAt, double? overall, int? level)
    {
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
    }

    /// <summary>The row started last, with its answers.</summary>
    public ExportRow Finish()
    {
        var finished = _row ?? throw new InvalidOperationException("No return is started.");
        (_row, _answers) = (null, null);
        return finished;
    }

    /// <summary>
    /// Adds the answers of a return's submission record (a JSON object of question id to stored answer,
    /// see <see cref="AnswerSet"/>), skipping questions no longer asked. False, with nothing added, when
    /// the record is not such an object; the caller then reads the return's answer rows.
    /// </summary>
    public bool AddSubmitted(ReadOnlySpan<byte> json)
    {
        var answers = _answers ?? throw new InvalidOperationException("No return is started.");
        Span<char> id = stackalloc char[MaxQuestionId];
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Unreadable();
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                Slot? slot = null;
                // An escaped name is never longer unescaped, so the buffer holds any name that fits as written.
                var known = reader.ValueSpan.Length <= MaxQuestionId && _questions.TryGetValue(id[..reader.CopyString(id)], out slot);
                if (!reader.Read())
                {
                    return Unreadable();
                }

                if (!known)
                {
                    reader.Skip();
                    continue;
                }

                // Read in place; anything the fast reader does not know is read again by the serializer.
                var start = reader;
                if (slot!.Json.TryRead(ref reader) is not { } value)
                {
                    reader = start;
                    var from = (int)reader.TokenStartIndex;
                    reader.Skip();
                    value = StoredAnswers.Parse(slot.Question, json[from..(int)reader.BytesConsumed], null, null);
                }

                answers[slot.Question.Id] = slot.Of(value);
            }

            return reader.TokenType == JsonTokenType.EndObject || Unreadable();
        }
        catch (JsonException)
        {
            return Unreadable();
        }

        bool Unreadable()
        {
            answers.Clear();
            return false;
        }
    }

    /// <summary>Adds the answer to a question of the definition, read the long way (from the return's answer rows).</summary>
    public void Add(string questionId, AnswerValue value) =>
        (_answers ?? throw new InvalidOperationException("No return is started."))[questionId] = _slots[questionId].Of(value);

    /// <summary>A council's names, looked up by id (the register is small, the rows are not).</summary>
    public sealed record CouncilNames(string Code, string Name, string TypeName, string RegionName);

    private sealed class Slot(Question question)
    {
        private readonly Dictionary<string, ExportAnswer> _choices = new(StringComparer.Ordinal);

        private AnswerJsonReader? _json;

        public Question Question { get; } = question;

        public AnswerJsonReader Json => _json ??= new AnswerJsonReader(Question);

        /// <summary>The export's form of an answer; a choice answer is shared by every return giving it.</summary>
        public ExportAnswer Of(AnswerValue value)
        {
            switch (Question.Type)
            {
                case QuestionType.Number:
                    return new ExportAnswer([], value.Number);
                case QuestionType.Text or QuestionType.LongText:
                    return new ExportAnswer([], null, value.Text);
                case QuestionType.MultipleChoice:
                    return new ExportAnswer(value.Options ?? [], null, null, value.Other);
                default:
                    var codes = StoredAnswers.CodesOf(Question, value);
                    return codes.Count == 1 ? Choice(codes[0]) : new ExportAnswer(codes);
            }
        }

        private ExportAnswer Choice(string code)
        {
            if (!_choices.TryGetValue(code, out var answer))
            {
                answer = new ExportAnswer([code]);
                _choices[code] = answer;
            }

            return answer;
        }
    }
}
