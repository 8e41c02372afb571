using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// Reads a round's submitted returns, one <see cref="ExportRow"/> per return, in return-id order: each
/// return with the answers it was submitted with, from its submission record
/// (<see cref="SubmissionEvent.AnswersJson"/>, one JSON object per return), in batches of
/// <see cref="BatchReturns"/> returns by key, so memory holds one batch at a time. The garbage the
/// reading and writing leave is collected every <see cref="YoungGarbageBudget.ExportBytes"/> allocated.
/// </summary>
/// <remarks>
/// Note: the export used to pivot the answer rows (one per return and question, 5.4 million at 100,000
/// returns x 54 questions), and stepping those rows through SQLite cost about 1.5 times the CPU of writing
/// the workbook (native column calls, two connections in parallel); one document per return costs a
/// fraction of that, on any provider, with plain EF Core. A submitted return's answers cannot change
/// while it stays submitted (saves are refused; reopening and submitting again writes a new record), so
/// its latest submission record holds what its answer rows hold. A submitted return without a readable
/// record (rows written outside the app, or an older database) is read from its answer rows instead
/// (<see cref="StoredAnswers.ForReturnAsync"/>), so nothing is left out.
/// </remarks>
public static class ExportRowReader
{
    /// <summary>Returns read per query: about 1 MB of answers JSON.</summary>
    public const int BatchReturns = 500;

    public static async IAsyncEnumerable<ExportRow> RowsAsync(
        ReadinessDbContext db, int roundId, SurveyDefinition definition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);

        // Councils are bounded by the register, not by the rows, so they are looked up in memory.
        var councils = await db.Councils.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.Name, c.TypeName, c.RegionName })
            .ToDictionaryAsync(c => c.Id, c => new ExportRowPivot.CouncilNames(c.Code, c.Name, c.TypeName, c.RegionName), cancellationToken);
        var pivot = new ExportRowPivot(definition, councils);
        var utf8 = new ArrayBufferWriter<byte>(16 * 1024);
        var garbage = new YoungGarbageBudget(YoungGarbageBudget.ExportBytes);

        var after = 0;
        while (true)
        {
            var batch = await Batch(db, roundId, after).ToListAsync(cancellationToken);
            foreach (var r in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                pivot.Start(r.CouncilId, r.SubmittedAt, r.OverallScore, r.MaturityLevel);
                if (r.AnswersJson is null || !pivot.AddSubmitted(Utf8(r.AnswersJson, utf8)))
                {
                    // Only the definition's questions (StoredAnswers skips the rest).
                    foreach (var (questionId, value) in await StoredAnswers.ForReturnAsync(db, r.Id, definition, cancellationToken))
                    {
                        pivot.Add(questionId, value);
                    }
                }

                yield return pivot.Finish();
            }

            if (batch.Count < BatchReturns)
            {
                yield break;
            }

            after = batch[^1].Id;
            garbage.Check();
        }
    }

    /// <summary>The next batch of submitted returns after a return id, each with its latest submission record's answers.</summary>
    internal static IQueryable<SubmittedReturn> Batch(ReadinessDbContext db, int roundId, int after) =>
        db.Returns.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Status == ReturnStatus.Submitted && r.Id > after)
            .OrderBy(r => r.Id)
            .Select(r => new SubmittedReturn(
                r.Id,
                r.CouncilId,
                r.SubmittedAt,
                r.OverallScore,
                r.MaturityLevel,
                r.History.Where(e => e.Kind == SubmissionEventKind.Submitted).OrderByDescending(e => e.Id).Select(e => e.AnswersJson).FirstOrDefault()))
            .Take(BatchReturns);

    private static ReadOnlySpan<byte> Utf8(string json, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        var written = Encoding.UTF8.GetBytes(json, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(json.Length)));
        buffer.Advance(written);
        return buffer.WrittenSpan;
    }

    internal sealed record SubmittedReturn(int Id, int CouncilId, DateTime? SubmittedAt, double? OverallScore, int? MaturityLevel, string? AnswersJson);
}
