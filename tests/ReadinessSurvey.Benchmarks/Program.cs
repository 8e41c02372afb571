using ReadinessSurvey.Benchmarks;

return await AggregationBenchmark.MainAsync(args, Console.Out);
