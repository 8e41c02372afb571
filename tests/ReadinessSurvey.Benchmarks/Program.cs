namespace ReadinessSurvey.Benchmarks;

/// <summary>
/// Macro benchmarks, run by hand (never part of the test run). Each prints its figures beside a baseline
/// measured in the same run:
///   dotnet run -c Release --project tests/ReadinessSurvey.Benchmarks -- aggregate [--returns 100000]
///   dotnet run -c Release --project tests/ReadinessSurvey.Benchmarks -- load [--clients 32] [--saves 50]
///   dotnet run -c Release --project tests/ReadinessSurvey.Benchmarks -- report [sector|councils|export|export-read|export-xlsx|all] [--councils N] [--rounds N] [--returns N] [--db file]
///   dotnet run -c Release --project tests/ReadinessSurvey.Benchmarks -- dashboard [--clients 4] [--requests 50]
///   dotnet run -c Release --project tests/ReadinessSurvey.Benchmarks -- explain --db kept.db statements.sql
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "aggregate" => await AggregationBenchmark.MainAsync(args, Console.Out),
        "load" => await LoadBenchmark.RunAsync(args[1..]),
        "report" => await ReportBenchmarks.RunAsync(args[1..]),
        "dashboard" => await DashboardBenchmark.RunAsync(args[1..]),
        "explain" => ExplainCommand.Run(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("Usage: aggregate [--returns N] | load [--clients N] [--saves N] | report [sector|councils|export|export-read|export-xlsx|all] [--councils N] [--rounds N] [--returns N] [--db file] | dashboard [--clients N] [--requests N]");
        return 2;
    }
}
