using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting.Excel;
using ReadinessSurvey.Reporting.Mapping;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Reporting.Writers;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting;

/// <summary>
/// Generates a round's reports from its current aggregate snapshot and writes them under
/// <c>&lt;reports folder&gt;/&lt;round-slug&gt;/</c> (<c>Reports:Folder</c>, or a given folder). Each file is written to a temporary name and
/// moved into place, so a reader never sees half a workbook.
/// </summary>
public sealed class ReportService(
    ReadinessDbContext db, SnapshotReader snapshots, RoundAggregator aggregator, SurveyLibrary surveys, Publishing.ReportFolder reportFolder, IServiceScopeFactory scopes, TimeProvider clock) : IReportGenerator
{
    /// <summary>How many council workbooks are written at once (default: one per processor).</summary>
    public int MaxParallelism { get; set; } = Environment.ProcessorCount;

    public async Task<string> GenerateAsync(ReportRun run, IProgress<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var kind = CheckKind(run.Kind, run.CouncilCode);
        var source = await LoadAsync(run.RoundId, NeedsPublished(kind), cancellationToken);

        // Recorded on the run (the job saves it with the outcome): publishing needs to know which data a file holds.
        run.SnapshotId = source.Snapshot.Id;
        return (await GenerateFromAsync(source, kind, run.CouncilCode, null, progress, cancellationToken)).Path;
    }

    /// <summary>Generates a report and returns its path (for several files, their folder).</summary>
    public async Task<string> GenerateAsync(int roundId, string kind, string? councilCode, string? outDir, IProgress<int>? progress, CancellationToken cancellationToken) =>
        (await GenerateFilesAsync(roundId, kind, councilCode, outDir, progress, cancellationToken)).Path;

    /// <summary>Generates a report and returns every file written.</summary>
    /// <exception cref="ReportException">The kind is unknown, the round has no snapshot, or the council cannot be reported on.</exception>
    public async Task<ReportOutput> GenerateFilesAsync(int roundId, string kind, string? councilCode, string? outDir, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        kind = CheckKind(kind, councilCode);
        var source = await LoadAsync(roundId, NeedsPublished(kind), cancellationToken);
        return await GenerateFromAsync(source, kind, councilCode, outDir, progress, cancellationToken);
    }

    private static string CheckKind(string kind, string? councilCode)
    {
        ArgumentNullException.ThrowIfNull(kind);
        kind = kind.Trim().ToLowerInvariant();
        if (!ReportKinds.All.Contains(kind))
        {
            throw new ReportException($"'{kind}' is not a kind of report. Use one of: {string.Join(", ", ReportKinds.All)}.");
        }

        if (kind == ReportKinds.Council && string.IsNullOrWhiteSpace(councilCode))
        {
            throw new ReportException("Give the council's code for a council report, for example E07000223.");
        }

        return kind;
    }

    private async Task<ReportOutput> GenerateFromAsync(ReportSource source, string kind, string? councilCode, string? outDir, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(5);
        var output = kind switch
        {
            ReportKinds.Sector => await SectorAsync(source, published: false, outDir, cancellationToken),
            ReportKinds.Published => await SectorAsync(source, published: true, outDir, cancellationToken),
            ReportKinds.Council => await OneCouncilAsync(source, councilCode!, outDir, cancellationToken),
            ReportKinds.Councils => await AllCouncilsAsync(source, outDir, progress, cancellationToken),
            _ => await ExportAsync(source, outDir, cancellationToken),
        };
        progress?.Report(100);
        return output;
    }

    /// <summary>The published workbook and the council benchmarks (peers' figures are the published ones) need a protected snapshot.</summary>
    private static bool NeedsPublished(string kind) => kind is ReportKinds.Published or ReportKinds.Council or ReportKinds.Councils;

    /// <summary>
    /// The round, its definition and its current snapshot; refuses when there is no snapshot. With
    /// <paramref name="published"/>, a current snapshot not protected yet is protected first (the round is aggregated again).
    /// </summary>
    public async Task<ReportSource> LoadAsync(int roundId, bool published, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken)
                    ?? throw new ReportException($"There is no round with id {roundId}.");
        var snapshot = await (published ? aggregator.CurrentProtectedAsync(roundId, cancellationToken) : snapshots.GetCurrentSnapshotAsync(roundId, cancellationToken))
                       ?? throw new ReportException($"Round {roundId} has no aggregate results yet. Run 'aggregate --round {roundId}' first.");
        return await SourceAsync(round, snapshot, cancellationToken);
    }

    private async Task<ReportSource> SourceAsync(SurveyRound round, AggregateSnapshot snapshot, CancellationToken cancellationToken)
    {
        var definition = await surveys.GetAsync(round.DefinitionVersionId, cancellationToken);
        return new ReportSource(round.Id, round.Name, definition, snapshot, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// One council's scores against its peers from the newest protected snapshot, for its profile page; null when
    /// there is none yet or the council's submission came after it (the next one will have it). A page never
    /// waits for a protection: it shows what is ready.
    /// </summary>
    public async Task<CouncilBenchmarkModel?> CouncilProfileAsync(int roundId, string code, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null || await snapshots.GetLatestProtectedSnapshotAsync(roundId, cancellationToken) is not { } snapshot)
        {
            return null;
        }

        var source = await SourceAsync(round, snapshot, cancellationToken);

        if (source.Content.Councils.FirstOrDefault(c => c.Code == code) is not { } council)
        {
            return null;
        }

        return await CouncilModelAsync(source, db, council, cancellationToken);
    }

    private async Task<ReportOutput> SectorAsync(ReportSource source, bool published, string? outDir, CancellationToken ct)
    {
        var freeText = published ? [] : await FreeTextReader.ReadAsync(db, source.RoundId, source.Definition, ct);
        var model = SectorReportMapper.Map(source, published, freeText);
        var writer = published ? SectorWorkbookWriter.Published : SectorWorkbookWriter.Internal;
        var path = PathFor(source, writer.Kind, "xlsx", outDir);
        await WriteFileAsync(path, stream => writer.WriteAsync(model, stream, ct));
        return new ReportOutput(path, [path]);
    }

    private async Task<ReportOutput> OneCouncilAsync(ReportSource source, string code, string? outDir, CancellationToken ct)
    {
        code = code.Trim().ToUpperInvariant();
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct)
                      ?? throw new ReportException($"There is no council with code {code} in the register.");
        var hasReturn = await db.Returns.AnyAsync(r => r.RoundId == source.RoundId && r.CouncilId == council.Id && r.Status == ReturnStatus.Submitted, ct);
        if (!hasReturn)
        {
            throw new ReportException($"{council.Name} ({code}) has no submitted return in round {source.RoundId}, so there is nothing to benchmark.");
        }

        if (source.Content.Councils.All(c => c.Code != code))
        {
            throw new ReportException(
                $"{council.Name} ({code}) submitted after the aggregate results were taken. Run 'aggregate --round {source.RoundId}' again first.");
        }

        var path = await WriteCouncilAsync(source, db, code, outDir, ct);
        return new ReportOutput(path, [path]);
    }

    private Task<ReportOutput> AllCouncilsAsync(ReportSource source, string? outDir, IProgress<int>? progress, CancellationToken ct) =>
        CouncilsAsync(source, source.CouncilCodes, outDir, progress, ct);

    /// <summary>
    /// Writes the benchmark workbooks of the given councils from the snapshot, <see cref="MaxParallelism"/> at a time;
    /// each council must be in the snapshot. <c>report councils</c> gives every council in it.
    /// </summary>
    public async Task<ReportOutput> CouncilsAsync(ReportSource source, IReadOnlyList<string> codes, string? outDir, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(codes);
        var missing = codes.Except(source.CouncilCodes, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new ReportException($"These councils are not in round {source.RoundId}'s aggregate results: {string.Join(", ", missing)}.");
        }

        var files = new string[codes.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, codes.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, MaxParallelism), CancellationToken = ct },
            async (i, token) =>
            {
                // A DbContext is not thread-safe: each council gets its own scope and context.
                await using var scope = scopes.CreateAsyncScope();
                var context = scope.ServiceProvider.GetRequiredService<ReadinessDbContext>();
                files[i] = await WriteCouncilAsync(source, context, codes[i], outDir, token);
                progress?.Report(5 + (94 * Interlocked.Increment(ref done) / Math.Max(1, codes.Count)));
            });
        var folder = outDir is null ? Path.Combine(reportFolder.Root, source.RoundSlug) : Path.GetFullPath(outDir);
        return new ReportOutput(folder, files);
    }

    private async Task<string> WriteCouncilAsync(ReportSource source, ReadinessDbContext context, string code, string? outDir, CancellationToken ct)
    {
        var model = await CouncilModelAsync(source, context, source.Content.Councils.Single(c => c.Code == code), ct);
        var path = PathFor(source, CouncilBenchmarkWriter.KindFor(code), "xlsx", outDir);
        await WriteFileAsync(path, stream => new CouncilBenchmarkWriter().WriteAsync(model, stream, ct));
        return path;
    }

    private static async Task<CouncilBenchmarkModel> CouncilModelAsync(ReportSource source, ReadinessDbContext context, CouncilResult council, CancellationToken ct)
    {
        var returnId = await context.Returns.AsNoTracking()
            .Where(r => r.RoundId == source.RoundId && r.Status == ReturnStatus.Submitted && r.Council!.Code == council.Code)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(ct);
        var answers = returnId is { } id
            ? await SubmittedAnswers.ForReturnAsync(context, id, source.Definition, ct)
            : AnswerSet.Empty;
        return CouncilBenchmarkMapper.Map(source, council, answers);
    }

    private async Task<ReportOutput> ExportAsync(ReportSource source, string? outDir, CancellationToken ct)
    {
        var xlsx = PathFor(source, ResponseExportWriter.Kind, "xlsx", outDir);
        var csv = PathFor(source, ResponseExportWriter.Kind, "csv", outDir);
        await WriteFileAsync(xlsx, stream => new ResponseExportWriter(ExportFormat.Xlsx).WriteAsync(ExportMapper.Map(source, db), stream, ct));
        await WriteFileAsync(csv, stream => new ResponseExportWriter(ExportFormat.Csv).WriteAsync(ExportMapper.Map(source, db), stream, ct));

        var codebook = PathFor(source, ResponseExportWriter.Kind + "-codebook", "csv", outDir);
        await WriteFileAsync(codebook, stream => ResponseExportWriter.WriteCodebookCsvAsync(ExportMapper.Map(source, AsyncEnumerable.Empty<Models.ExportRow>()), stream, ct));
        return new ReportOutput(xlsx, [xlsx, csv, codebook]);
    }

    /// <summary>Writes the response export in one format to a stream: the code behind <c>report export</c>.</summary>
    public Task WriteExportAsync(ReportSource source, ExportFormat format, Stream output, CancellationToken cancellationToken) =>
        new ResponseExportWriter(format).WriteAsync(ExportMapper.Map(source, db), output, cancellationToken);

    private string PathFor(ReportSource source, string kind, string extension, string? outDir)
    {
        var path = reportFolder.PathFor(source.RoundSlug, kind, source.FileDate, extension);
        return outDir is null ? path : Path.Combine(Path.GetFullPath(outDir), Path.GetFileName(path));
    }

    private static Task WriteFileAsync(string path, Func<Stream, Task> write) =>
        WriteFilesAsync([path], streams => write(streams[0]));

    /// <summary>Writes files through temporary names beside them, moved into place only once all are written.</summary>
    private static async Task WriteFilesAsync(IReadOnlyList<string> paths, Func<IReadOnlyList<Stream>, Task> write)
    {
        var temporaries = paths.Select(p => p + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp").ToList();
        var streams = new List<Stream>();
        try
        {
            foreach (var temporary in temporaries)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
                streams.Add(new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, useAsync: true));
            }

            await write(streams);
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }

            for (var i = 0; i < paths.Count; i++)
            {
                File.Move(temporaries[i], paths[i], overwrite: true);
            }
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }

            foreach (var temporary in temporaries)
            {
                File.Delete(temporary);
            }
        }
    }
}
