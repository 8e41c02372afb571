using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Reporting.Mapping;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Reporting.Writers;
using ReadinessSurvey.Surveys;
using SpreadCheetah;

namespace ReadinessSurvey.Benchmarks;

/// <summary>
/// Report benchmarks, each against a baseline measured in the same run:
/// sector workbook for a full round (vs the aggregation run and a raw SpreadCheetah write of as many
/// cells); all council workbooks in parallel (vs sequentially); the export of many returns (vs a raw
/// streaming SpreadCheetah write of the same cells). Peak memory is the process working set (see <see cref="PeakMemory"/>).
/// </summary>
internal static class ReportBenchmarks
{
    public static async Task<int> RunAsync(string[] args)
    {
        var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var councils = Option(args, "--councils", 339);
        var returns = Option(args, "--returns", 100_000);
        var rounds = Option(args, "--rounds", 3);
        Console.WriteLine($"Report benchmarks on {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        if (scenario is "sector" or "councils" or "all")
        {
            await SectorAndCouncilsAsync(councils, rounds, scenario);
        }

        if (scenario is "export" or "export-read" or "export-xlsx" or "all")
        {
            // export-read and export-xlsx time one part alone (for profiling it).
            await ExportAsync(returns, args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault(), only: scenario);
        }

        return 0;
    }

    private static async Task SectorAndCouncilsAsync(int councils, int rounds, string scenario)
    {
        using var work = new WorkFolder();
        var data = new ReportBenchmarkData(work.ConnectionString);
        var seed = Stopwatch.StartNew();
        var roundId = await data.SeedAsync(councils);
        Console.WriteLine($"Seeded {councils} returns in {seed.Elapsed.TotalSeconds:0.00} s");
        await using var services = Services(work.ConnectionString);

        var aggregation = await Measure("aggregation run (baseline)", async () =>
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AggregationRunner>().RunAsync(roundId, data.Shapes());
        });

        if (scenario is "sector" or "all")
        {
            string path = "";
            var sector = await Measure("sector workbook (internal)", async () =>
            {
                await using var scope = services.CreateAsyncScope();
                path = await scope.ServiceProvider.GetRequiredService<ReportService>().GenerateAsync(roundId, ReportKinds.Sector, null, work.Path, null, default);
            });
            await Measure("  of which: load snapshot + definition", async () =>
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReportService>().LoadAsync(roundId, default);
            });
            await using (var scope = services.CreateAsyncScope())
            {
                var source = await scope.ServiceProvider.GetRequiredService<ReportService>().LoadAsync(roundId, default);
                var model = SectorReportMapper.Map(source, false, []);
                await Measure("  of which: mapping", () => Task.FromResult(SectorReportMapper.Map(source, false, [])));
                await Measure("  of which: writer (charts, ClosedXML, images)", async () =>
                {
                    await using var file = File.Create(Path.Combine(work.Path, "writer-only.xlsx"));
                    await SectorWorkbookWriter.Internal.WriteAsync(model, file);
                });
            }

            var cells = CountCells(path);
            var raw = await Measure($"raw SpreadCheetah write of {cells:N0} cells (baseline)", () => RawWriteAsync(Path.Combine(work.Path, "raw.xlsx"), cells / 10, 10));
            Console.WriteLine($"  sector / aggregation = {sector.Seconds / aggregation.Seconds:0.00}x; sector / raw write = {sector.Seconds / raw.Seconds:0.00}x; " +
                              $"file {new FileInfo(path).Length / 1024:N0} KB");
        }

        if (scenario is "councils" or "all")
        {
            await CouncilsAsync(services, roundId, work.Path, rounds);
        }
    }

    /// <summary>
    /// All council workbooks, sequentially and in parallel. The two take turns a slice of councils at a time
    /// (the slice's sequential run first in even slices, its parallel run first in odd ones), and each
    /// total sums its slices: the speed of this shared VM drifts by a fifth within a minute, and
    /// whole runs one after the other gave ratios from 1.3x to 2.1x for the same code. Every round
    /// writes every council once each way; the speed-up reported is the median round's.
    /// </summary>
    private static async Task CouncilsAsync(ServiceProvider services, int roundId, string folder, int rounds)
    {
        const int slices = 8;
        ReportSource source;
        await using (var scope = services.CreateAsyncScope())
        {
            source = await scope.ServiceProvider.GetRequiredService<ReportService>().LoadAsync(roundId, default);
        }

        var codes = source.CouncilCodes;
        async Task WriteAsync(IReadOnlyList<string> part, int parallelism)
        {
            await using var scope = services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<ReportService>();
            service.MaxParallelism = parallelism;
            await service.CouncilsAsync(source, part, Path.Combine(folder, "councils-" + parallelism), null, default);
        }

        // Unmeasured warm-up, both ways: otherwise the first slice's sequential run pays for the JIT
        // and the first chart's font loading, which flattered the parallel side of round 1.
        await WriteAsync(codes.Take(8).ToList(), 1);
        await WriteAsync(codes.Take(8).ToList(), Environment.ProcessorCount);

        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var sequential = new Totals();
            var parallel = new Totals();
            for (var slice = 0; slice < slices; slice++)
            {
                var part = codes.Where((_, i) => i % slices == slice).ToList();
                foreach (var parallelism in slice % 2 == 0 ? [1, Environment.ProcessorCount] : new[] { Environment.ProcessorCount, 1 })
                {
                    (parallelism == 1 ? sequential : parallel).Add(await Quietly(() => WriteAsync(part, parallelism)));
                }
            }

            ratios.Add(sequential.Seconds / parallel.Seconds);
            Console.WriteLine(sequential.Line($"all {codes.Count} council workbooks, sequentially, round {round}"));
            Console.WriteLine(parallel.Line($"all {codes.Count} council workbooks, {Environment.ProcessorCount} at a time, round {round}"));
            Console.WriteLine($"  councils, round {round}: parallel speed-up {ratios[^1]:0.00}x on {Environment.ProcessorCount} cores ({codes.Count / parallel.Seconds:0.0} workbooks/s)");
        }

        ratios.Sort();
        Console.WriteLine($"  councils: parallel speed-up {ratios[ratios.Count / 2]:0.00}x, the median of {rounds} rounds " +
                          $"(lowest {ratios[0]:0.00}x, highest {ratios[^1]:0.00}x)");
    }

    private static async Task ExportAsync(int returns, string? keep, string only)
    {
        using var work = new WorkFolder();
        var connectionString = keep is null ? work.ConnectionString : $"Data Source={Path.GetFullPath(keep)};Pooling=True";
        var data = new ReportBenchmarkData(connectionString);
        var seed = Stopwatch.StartNew();
        // --db keeps the seeded database for the next run (seeding 100k returns takes minutes); a kept one
        // is migrated to the current schema, and reseeded when it does not hold this benchmark's round.
        if (await data.ReuseAsync(returns) is not { } roundId)
        {
            roundId = await data.SeedAsync(returns);
            await data.AddEmptySnapshotAsync(roundId, returns);
        }

        Console.WriteLine($"Seeded {returns:N0} returns x {data.Definition.Questions.Count - 1} questions in {seed.Elapsed.TotalSeconds:0.0} s");
        await using var services = Services(connectionString);
        var columns = ResponseExportWriter.Columns(ExportMapper.Questions(data.Definition));
        var councils = await CouncilsByIdAsync(data);
        var rawPath = Path.Combine(work.Path, "raw.xlsx");
        var exportPath = Path.Combine(work.Path, "export.xlsx");

        if (only == "export-read")
        {
            await ReadRowsAsync(services, data, roundId);
            await ReadRowsAsync(services, data, roundId); // warm: tiered compilation done
            return;
        }

        if (only == "export-xlsx")
        {
            await ExportXlsxAsync(services, roundId, exportPath);
            return;
        }

        var replay = await Measure("  replaying the synthetic returns alone (part of the baseline)", () =>
        {
            var cells = 0L;
            foreach (var r in data.Returns(returns))
            {
                cells += r.Answers.Count;
            }

            return Task.FromResult(cells);
        });
        var raw = await Measure($"raw streaming SpreadCheetah write of the same cells, {returns:N0} rows x {columns.Count} columns (baseline)",
            () => RawExportAsync(rawPath, data, returns, columns, councils));
        await ReadRowsAsync(services, data, roundId);
        var xlsx = await ExportXlsxAsync(services, roundId, exportPath);
        var all = await Measure("export through ReportService (xlsx + csv + codebook, the CLI's report export)", async () =>
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReportService>().GenerateAsync(roundId, ReportKinds.Export, null, work.Path, null, default);
        });
        var same = SameSheet(rawPath, exportPath, "Responses");
        Console.WriteLine($"  baseline writes the same cells as the export: {(same ? "yes (identical Responses sheet XML)" : "NO")}; replay share of baseline {replay.Seconds / raw.Seconds:P0}");
        Console.WriteLine($"  export xlsx / raw write = {xlsx.Seconds / raw.Seconds:0.00}x; whole export (xlsx + csv) / raw xlsx = {all.Seconds / raw.Seconds:0.00}x");
    }

    private static Task<Measured> ExportXlsxAsync(ServiceProvider services, int roundId, string path) =>
        Measure("export xlsx (ReportService.WriteExportAsync, as report export)", async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<ReportService>();
            var source = await service.LoadAsync(roundId, default);
            await using var file = File.Create(path);
            await service.WriteExportAsync(source, ExportFormat.Xlsx, file, default);
        });

    private static Task<Measured> ReadRowsAsync(ServiceProvider services, ReportBenchmarkData data, int roundId) =>
        Measure("  export rows only (database read, no writer)", async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.ReadinessDbContext>();
            var count = 0;
            await foreach (var row in ExportRowReader.RowsAsync(db, roundId, data.Definition))
            {
                count += row.Answers.Count;
            }

            Console.WriteLine($"  {count:N0} answers read");
        });

    /// <summary>
    /// The baseline: the export's Responses sheet (same header, widths, frozen row and cells) written
    /// straight from the synthetic returns with SpreadCheetah, without the database or the export code.
    /// </summary>
    private static async Task RawExportAsync(string path, ReportBenchmarkData data, int returns, IReadOnlyList<ExportColumn> columns, IReadOnlyList<Council> councils)
    {
        await using var file = File.Create(path);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(file);
        var bold = spreadsheet.AddStyle(new SpreadCheetah.Styling.Style { Font = { Bold = true } });
        var options = new SpreadCheetah.Worksheets.WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < columns.Count; i++)
        {
            options.Column(i + 1).Width = Math.Clamp(columns[i].Header.Length + 4, 10, 40);
        }

        await spreadsheet.StartWorksheetAsync("Responses", options);
        await spreadsheet.AddHeaderRowAsync(columns.Select(c => c.Header).ToList(), bold);
        var submitted = ReportBenchmarkData.SubmittedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var cells = new DataCell[columns.Count];
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var r in data.Returns(returns))
        {
            var council = councils[r.Index];
            answers.Clear();
            foreach (var (q, value) in r.Answers)
            {
                answers[q.Id] = value;
            }

            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                cells[c] = column.Question is not { } q
                    ? column.Header switch
                    {
                        "council_code" => new DataCell(council.Code),
                        "council_name" => new DataCell(council.Name),
                        "council_type" => new DataCell(council.TypeName),
                        "region" => new DataCell(council.RegionName),
                        "status" => new DataCell("Submitted"),
                        "submitted_at" => new DataCell(submitted),
                        "overall_score" => new DataCell(Math.Round((decimal)r.Overall, 2)),
                        _ => new DataCell(r.Level),
                    }
                    : RawCell(q, column.Option, answers[q.Id]);
            }

            await spreadsheet.AddRowAsync(cells);
        }

        await spreadsheet.FinishAsync();
    }

    /// <summary>The cell an answer becomes, as stored (choice code, 0/1 per option, number, text).</summary>
    private static DataCell RawCell(ExportQuestion q, ExportOption? option, AnswerValue value) => q.Kind switch
    {
        ExportQuestionKind.MultipleChoice when option is not null => new DataCell(value.Options?.Contains(option.Code) == true ? 1 : 0),
        ExportQuestionKind.MultipleChoice => value.Other is { } other ? new DataCell(other) : default,
        ExportQuestionKind.Number => value.Number is { } n ? new DataCell((decimal)(double)n) : default,
        ExportQuestionKind.Text => value.Text is { } text ? new DataCell(text) : default,
        _ when value.DontKnow => new DataCell(Responses.AnswerStorage.DontKnowCode),
        _ => new DataCell(value.Options is [var code] ? code : value.YesNo is { } yes ? (yes ? "yes" : "no") : value.Number!.Value.ToString(CultureInfo.InvariantCulture)),
    };

    private static async Task<IReadOnlyList<Council>> CouncilsByIdAsync(ReportBenchmarkData data)
    {
        await using var db = data.Context();
        return await db.Councils.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    /// <summary>True when two workbooks hold byte-identical XML for the named sheet.</summary>
    private static bool SameSheet(string a, string b, string sheet)
    {
        static byte[] Xml(string path, string sheet)
        {
            using var document = SpreadsheetDocument.Open(path, false);
            var workbook = document.WorkbookPart!;
            var id = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First(s => s.Name == sheet).Id!.Value!;
            using var stream = workbook.GetPartById(id).GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        return Xml(a, sheet).AsSpan().SequenceEqual(Xml(b, sheet));
    }

    private static ServiceProvider Services(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Readiness"] = connectionString,
        }).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddReadinessCore(configuration).BuildServiceProvider();
    }

    /// <summary>Mixed numbers and short strings, streamed: what a writer costs with nothing else to do.</summary>
    private static async Task RawWriteAsync(string path, int rows, int columns)
    {
        await using var file = File.Create(path);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(file);
        await spreadsheet.StartWorksheetAsync("Raw");
        var cells = new DataCell[columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cells[c] = c % 3 == 0 ? new DataCell("value " + c.ToString(CultureInfo.InvariantCulture)) : new DataCell((r + c) % 5);
            }

            await spreadsheet.AddRowAsync(cells);
        }

        await spreadsheet.FinishAsync();
    }

    private static int CountCells(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        return document.WorkbookPart!.WorksheetParts.Sum(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Count());
    }

    private static Task<Measured> Measure<T>(string name, Func<Task<T>> action) => Measure(name, async () => { await action(); });

    private static async Task<Measured> Measure(string name, Func<Task> action)
    {
        var measured = await Quietly(action);
        Console.WriteLine(measured.Line(name));
        return measured;
    }

    /// <summary>Runs an action after a full collection and measures it without printing.</summary>
    private static async Task<Measured> Quietly(Func<Task> action)
    {
        // Aggressive: the collector also hands back the memory it kept committed after earlier parts,
        // so the peak is this part's and not what a previous one left behind.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var sampler = new PeakMemory();
        var cpu = CpuSeconds();
        var pause = GC.GetTotalPauseDuration();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        await action();
        watch.Stop();
        return new Measured(
            watch.Elapsed.TotalSeconds, CpuSeconds() - cpu, sampler.PeakMegabytes, sampler.StartMegabytes,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2,
            (GC.GetTotalPauseDuration() - pause).TotalSeconds, (GC.GetTotalAllocatedBytes() - allocated) / (1024 * 1024));
    }

    private sealed record Measured(
        double Seconds, double CpuSeconds, long PeakMegabytes, long StartMegabytes,
        int Collections, int Gen1, int Gen2, double PausedSeconds, long AllocatedMegabytes)
    {
        public string Line(string name) =>
            $"{name,-72} {Seconds,7:0.00} s  cpu {CpuSeconds,6:0.00} s  peak {PeakMegabytes,5:N0} MB (before {StartMegabytes:N0} MB)" +
            $"  GC {Collections} collections ({Gen1} gen1, {Gen2} gen2), {PausedSeconds:0.00} s paused, {AllocatedMegabytes:N0} MB allocated";
    }

    /// <summary>Measurements of several parts added up (the peak is the highest, the starting figure the first).</summary>
    private sealed class Totals
    {
        private Measured? _sum;

        public double Seconds => _sum?.Seconds ?? 0;

        public void Add(Measured part) => _sum = _sum is not { } sum ? part : new Measured(
            sum.Seconds + part.Seconds, sum.CpuSeconds + part.CpuSeconds, Math.Max(sum.PeakMegabytes, part.PeakMegabytes), sum.StartMegabytes,
            sum.Collections + part.Collections, sum.Gen1 + part.Gen1, sum.Gen2 + part.Gen2,
            sum.PausedSeconds + part.PausedSeconds, sum.AllocatedMegabytes + part.AllocatedMegabytes);

        public string Line(string name) => _sum?.Line(name) ?? name + ": nothing measured";
    }

    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class WorkFolder : IDisposable
    {
        public WorkFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "report-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string ConnectionString => $"Data Source={System.IO.Path.Combine(Path, "bench.db")};Pooling=True";

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
