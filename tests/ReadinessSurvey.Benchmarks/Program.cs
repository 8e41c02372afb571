using ReadinessSurvey.Benchmarks;

// Macro benchmarks, run by hand (not part of the test run):
//   dotnet run -c Release --project tests/ReadinessSurvey.Benchmarks -- report [sector|councils|export|all] [--councils N] [--returns N]
return args.FirstOrDefault() switch
{
    "report" => await ReportBenchmarks.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: report [sector|councils|export|all] [--councils N] [--returns N]");
    return 2;
}
