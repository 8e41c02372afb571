using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;

namespace ReadinessSurvey.Cli;

internal static class AggregateCommands
{
    public static Command Create(CliContext context)
    {
        var round = new Option<int>("--round") { Description = "The round's id.", Required = true };
        var countOnly = new Option<bool>("--count-only")
        {
            Description = "Only count: the internal figures in under a second, without building and protecting the published view (seconds to minutes).",
        };
        var command = new Command("aggregate", "Aggregate a round's submitted returns now, make the result its current snapshot and protect its published view (the same run the background jobs do).") { round, countOnly };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var summary = await RunAsync(scope.ServiceProvider, parse.GetValue(round), ct, parse.GetValue(countOnly));
            await WriteSummaryAsync(context.Output, summary);
            return 0;
        });
        return command;
    }

    public static async Task<AggregationSummary> RunAsync(IServiceProvider services, int roundId, CancellationToken cancellationToken, bool countOnly = false)
    {
        var aggregator = services.GetRequiredService<RoundAggregator>();
        try
        {
            return countOnly ? await aggregator.CountAsync(roundId, cancellationToken) : await aggregator.AggregateAsync(roundId, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    public static Task WriteSummaryAsync(TextWriter output, AggregationSummary summary) =>
        output.WriteLineAsync(
            $"Aggregated round {summary.RoundId}: {summary.ReturnsAggregated} returns aggregated, snapshot {summary.SnapshotId}, " +
            (summary.SuppressedCells is { } withheld ? $"{withheld} cells withheld from the published view." : "counted only: no published view yet."));
}
