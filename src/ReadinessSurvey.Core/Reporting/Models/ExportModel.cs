namespace ReadinessSurvey.Reporting.Models;

/// <summary>
/// Raw responses for download: a codebook (the columns) and the returns as a stream, so an export
/// never holds every return in memory.
/// </summary>
public sealed record ExportModel
{
    public required ReportAbout About { get; init; }

    /// <summary>The questions in column order.</summary>
    public required IReadOnlyList<ExportQuestion> Questions { get; init; }

    public required IAsyncEnumerable<ExportRow> Rows { get; init; }
}

/// <summary>How a question is laid out in the export.</summary>
public enum ExportQuestionKind
{
    /// <summary>One text column holding the option code.</summary>
    Choice,

    /// <summary>One 0/1 column per option, plus a text column when there is an "Other" answer.</summary>
    MultipleChoice,

    /// <summary>
    /// An agreement scale: one number column holding the point (1 to 5), and a 0/1 column for "Don't
    /// know" when it is offered, so the points column holds numbers only and can be averaged as it is.
    /// </summary>
    Scale,

    Number,

    Text,
}

/// <summary>A question in the codebook.</summary>
public sealed record ExportQuestion(
    string Id, string Text, string Section, ExportQuestionKind Kind, IReadOnlyList<ExportOption> Options, bool HasOther = false, string? Dimension = null);

/// <summary>An option with its stored code, label and points (null when not scored).</summary>
public sealed record ExportOption(string Code, string Label, decimal? Points);

/// <summary>One return: council identity, status and answers keyed by question id.</summary>
public sealed record ExportRow
{
    public required string CouncilCode { get; init; }

    public required string CouncilName { get; init; }

    public required string CouncilType { get; init; }

    public required string Region { get; init; }

    /// <summary>The council's tier in words (see <see cref="Councils.CouncilTiers"/>).</summary>
    public string Tier { get; init; } = "";

    public string Status { get; init; } = "";

    public DateTime? SubmittedAt { get; init; }

    public decimal? Overall { get; init; }

    public int? Level { get; init; }

    public IReadOnlyDictionary<string, ExportAnswer> Answers { get; init; } = new Dictionary<string, ExportAnswer>();
}

/// <summary>An answer: option codes for choice questions, a number, or text; Other is the free-text "Other".</summary>
public sealed record ExportAnswer(IReadOnlyList<string> Codes, decimal? Number = null, string? Text = null, string? Other = null)
{
    public static ExportAnswer Choice(params string[] codes) => new(codes);

    public static ExportAnswer Of(decimal number) => new([], number);

    public static ExportAnswer Of(string text) => new([], null, text);
}
