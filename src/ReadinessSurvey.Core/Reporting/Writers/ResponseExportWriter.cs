using System.Globalization;
using System.Text;
using ReadinessSurvey.Reporting.Excel;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using SpreadCheetah;

namespace ReadinessSurvey.Reporting.Writers;

/// <summary>File format of a response export.</summary>
public enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// Writes raw responses: one row per return, one column per question (multiple choice: a 0/1 column
/// per option plus the "Other" text; agreement scales: the point as a number and a 0/1 "Don't know"
/// column), numbers as numbers, and a codebook. Rows are streamed from
/// <see cref="ExportModel.Rows"/> and written as they come, so memory does not grow with the rows.
/// The xlsx goes through SpreadCheetah (text cells are always strings there); CSV text that could be
/// taken for a formula is prefixed with '.
/// </summary>
public sealed class ResponseExportWriter(ExportFormat format)
{
    public ExportFormat Format { get; } = format;

    public const string Kind = "responses";

    public string Extension => Format == ExportFormat.Xlsx ? "xlsx" : "csv";

    /// <summary>The columns of the responses sheet, as (header, question, option) in order.</summary>
    public static IReadOnlyList<ExportColumn> Columns(IReadOnlyList<ExportQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var columns = new List<ExportColumn>
        {
            new("council_code", null, null, "Council GSS code"),
            new("council_name", null, null, "Council name"),
            new("council_type", null, null, "Council type"),
            new("region", null, null, "Region"),
            new("tier", null, null, $"Council tier: {string.Join(", ", Councils.CouncilTiers.Labels)}"),
            new("status", null, null, "Return status"),
            new("submitted_at", null, null, "Date and time submitted (UTC)"),
            new("overall_score", null, null, "Overall score (0 to 100)"),
            new("maturity_level", null, null, "Maturity level (1 to 5)"),
        };
        foreach (var q in questions)
        {
            if (q.Kind == ExportQuestionKind.MultipleChoice)
            {
                columns.AddRange(q.Options.Select(o => new ExportColumn($"{q.Id}_{o.Code}", q, o, $"{q.Text}: {o.Label} (1 = chosen)")));
                if (q.HasOther)
                {
                    columns.Add(new ExportColumn($"{q.Id}_other", q, null, $"{q.Text}: other (text)"));
                }
            }
            else if (q.Kind == ExportQuestionKind.Scale)
            {
                columns.Add(new ExportColumn(q.Id, q, null, $"{q.Text} (the point on the scale; empty for \"Don't know\")"));
                if (q.Options.FirstOrDefault(o => o.Code == AnswerStorage.DontKnowCode) is { } dontKnow)
                {
                    columns.Add(new ExportColumn($"{q.Id}_{dontKnow.Code}", q, dontKnow, $"{q.Text}: {dontKnow.Label} (1 = chosen)"));
                }
            }
            else
            {
                columns.Add(new ExportColumn(q.Id, q, null, q.Text));
            }
        }

        return columns;
    }

    public Task WriteAsync(ExportModel model, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        return Format == ExportFormat.Xlsx ? WriteXlsxAsync(model, output, cancellationToken) : WriteCsvAsync(model, output, cancellationToken);
    }

    private static async Task WriteXlsxAsync(ExportModel model, Stream output, CancellationToken ct)
    {
        var columns = Columns(model.Questions);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
        var bold = spreadsheet.AddStyle(new SpreadCheetah.Styling.Style { Font = { Bold = true } });
        var options = new SpreadCheetah.Worksheets.WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < columns.Count; i++)
        {
            options.Column(i + 1).Width = Math.Clamp(columns[i].Header.Length + 4, 10, 40);
        }

        await spreadsheet.StartWorksheetAsync("Responses", options, ct);
        await spreadsheet.AddHeaderRowAsync(columns.Select(c => c.Header).ToList(), bold, ct);
        var cells = new DataCell[columns.Count];
        await foreach (var row in model.Rows.WithCancellation(ct))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                cells[i] = Cell(columns[i], row);
            }

            await spreadsheet.AddRowAsync(cells, ct);
        }

        await spreadsheet.StartWorksheetAsync("Codebook", new SpreadCheetah.Worksheets.WorksheetOptions { FrozenRows = 1 }, ct);
        await spreadsheet.AddHeaderRowAsync(CodebookHeaders, bold, ct);
        foreach (var line in Codebook(model, columns))
        {
            await spreadsheet.AddRowAsync(line.Select(v => v is decimal d ? new DataCell(d) : new DataCell(SafeText.ForCell(v as string))).ToArray(), ct);
        }

        await spreadsheet.StartWorksheetAsync("About", token: ct);
        await spreadsheet.AddRowAsync([new DataCell(SafeText.ForCell(model.About.Title))], ct);
        await spreadsheet.AddRowAsync([new DataCell("Internal: contains council-level answers. Do not publish.")], ct);
        await spreadsheet.AddRowAsync([new DataCell(ReportAbout.CouncilDataAttribution)], ct);
        await spreadsheet.FinishAsync(ct);
    }

    private static async Task WriteCsvAsync(ExportModel model, Stream output, CancellationToken ct)
    {
        var columns = Columns(model.Questions);
        // UTF-8 with a byte order mark so Excel reads accents correctly; CRLF as RFC 4180 says.
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', columns.Select(c => CsvField(c.Header))));
        var fields = new string[columns.Count];
        await foreach (var row in model.Rows.WithCancellation(ct))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                fields[i] = Value(columns[i], row) switch
                {
                    null => "",
                    decimal d => d.ToString(CultureInfo.InvariantCulture),
                    int n => n.ToString(CultureInfo.InvariantCulture),
                    var other => CsvField(Convert.ToString(other, CultureInfo.InvariantCulture)),
                };
            }

            await writer.WriteLineAsync(string.Join(',', fields).AsMemory(), ct);
        }

        await writer.FlushAsync(ct);
    }

    /// <summary>The codebook as a separate CSV (the CSV export has no second sheet).</summary>
    public static async Task WriteCodebookCsvAsync(ExportModel model, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', CodebookHeaders.Select(CsvField)));
        foreach (var line in Codebook(model, Columns(model.Questions)))
        {
            await writer.WriteLineAsync(string.Join(',', line.Select(v => v is decimal d ? d.ToString(CultureInfo.InvariantCulture) : CsvField(v as string))));
        }
    }

    private static readonly string[] CodebookHeaders = ["column", "question_id", "section", "question", "kind", "dimension", "option_code", "option_label", "points", "description"];

    private static IEnumerable<object?[]> Codebook(ExportModel model, IReadOnlyList<ExportColumn> columns)
    {
        foreach (var c in columns)
        {
            var q = c.Question;
            if (q is not null && q.Kind == ExportQuestionKind.Choice)
            {
                foreach (var o in q.Options)
                {
                    yield return [c.Header, q.Id, q.Section, q.Text, q.Kind.ToString(), q.Dimension, o.Code, o.Label, o.Points, c.Description];
                }
            }
            else if (q is not null && q.Kind == ExportQuestionKind.Scale && c.Option is null)
            {
                // The points are numbers in the column, so they are numbers in the codebook too.
                foreach (var o in q.Options.Where(o => o.Code != AnswerStorage.DontKnowCode))
                {
                    yield return [c.Header, q.Id, q.Section, q.Text, q.Kind.ToString(), q.Dimension, Point(o), o.Label, o.Points, c.Description];
                }
            }
            else
            {
                yield return [c.Header, q?.Id, q?.Section, q?.Text, q?.Kind.ToString(), q?.Dimension, c.Option?.Code, c.Option?.Label, c.Option?.Points, c.Description];
            }
        }
    }

    private static object Point(ExportOption option) =>
        decimal.TryParse(option.Code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var point) ? point : option.Code;

    /// <summary>The point of a scale answer, or null for "Don't know" (or no answer).</summary>
    private static int? ScalePoint(ExportAnswer answer) =>
        answer.Codes.Count == 1 && int.TryParse(answer.Codes[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var point) ? point : null;

    /// <summary>
    /// The xlsx cell of a column, built without boxing: this runs for every cell of the export, and most
    /// are choice codes and 0/1 flags (see <see cref="Value"/> for the same values as objects, for CSV).
    /// </summary>
    private static DataCell Cell(ExportColumn column, ExportRow row)
    {
        var q = column.Question;
        if (q is null)
        {
            return column.Header switch
            {
                "overall_score" => row.Overall is { } overall ? new DataCell(overall) : default,
                "maturity_level" => row.Level is { } level ? new DataCell(level) : default,
                _ => Text(Value(column, row) as string),
            };
        }

        if (!row.Answers.TryGetValue(q.Id, out var answer))
        {
            return default;
        }

        return q.Kind switch
        {
            ExportQuestionKind.MultipleChoice or ExportQuestionKind.Scale when column.Option is { } o => new DataCell(Contains(answer.Codes, o.Code) ? 1 : 0),
            ExportQuestionKind.MultipleChoice => Text(answer.Other),
            ExportQuestionKind.Scale => ScalePoint(answer) is { } point ? new DataCell(point) : default,
            ExportQuestionKind.Number => answer.Number is { } n ? new DataCell(n) : default,
            ExportQuestionKind.Choice => Text(answer.Codes.Count switch { 0 => answer.Text, 1 => answer.Codes[0], _ => string.Join(';', answer.Codes) }),
            _ => Text(answer.Text),
        };
    }

    private static DataCell Text(string? text) => text is null ? default : new DataCell(SafeText.ForCell(text));

    private static bool Contains(IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (string.Equals(codes[i], code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static object? Value(ExportColumn column, ExportRow row)
    {
        var q = column.Question;
        if (q is null)
        {
            return column.Header switch
            {
                "council_code" => row.CouncilCode,
                "council_name" => row.CouncilName,
                "council_type" => row.CouncilType,
                "region" => row.Region,
                "tier" => row.Tier,
                "status" => row.Status,
                "submitted_at" => row.SubmittedAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                "overall_score" => row.Overall,
                "maturity_level" => row.Level,
                _ => null,
            };
        }

        if (!row.Answers.TryGetValue(q.Id, out var answer))
        {
            return null;
        }

        return q.Kind switch
        {
            ExportQuestionKind.MultipleChoice or ExportQuestionKind.Scale when column.Option is { } o => Contains(answer.Codes, o.Code) ? 1 : 0,
            ExportQuestionKind.MultipleChoice => answer.Other,
            ExportQuestionKind.Scale => ScalePoint(answer),
            ExportQuestionKind.Number => answer.Number,
            ExportQuestionKind.Choice => answer.Codes.Count switch { 0 => answer.Text, 1 => answer.Codes[0], _ => string.Join(';', answer.Codes) },
            _ => answer.Text,
        };
    }

    /// <summary>An RFC 4180 field: formula-safe, quoted when it holds a comma, quote, CR or LF.</summary>
    internal static string CsvField(string? text)
    {
        var safe = SafeText.ForCsv(text);
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}

/// <summary>A column of the responses sheet: its header, and the question and option it comes from.</summary>
public sealed record ExportColumn(string Header, ExportQuestion? Question, ExportOption? Option, string Description);
