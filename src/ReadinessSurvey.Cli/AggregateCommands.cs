using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Aggregation;

namespace ReadinessSurvey.Cli;

internal static class AggregateCommands
{
    public static Command Create(CliContext context)
    {
        var round = new Option<int>("--round") { Description = "The round's id.", Required = true };
        var command = new Command("aggregate", "Aggregate a round's submitted returns now and make the result its current snapshot (the same run the background jobs do).") { round };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var summary = await RunAsync(scope.ServiceProvider, parse.GetValue(round), ct);
            await WriteSummaryAsync(context.Output, summary);
            return 0;
        });
        return command;
    }

    public static async Task<AggregationSummary> RunAsync(IServiceProvider services, int roundId, CancellationToken cancellationToken)
    {
        try
        {
            return await services.GetRequiredService<RoundAggregator>().AggregateAsync(roundId, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    public static Task WriteSummaryAsync(TextWriter output, AggregationSummary summary) =>
        output.WriteLineAsync(
            $"Aggregated round {summary.RoundId}: {summary.ReturnsAggregated} returns aggregated, snapshot {summary.SnapshotId}, " +
            $"{summary.SuppressedCells} cells withheld from the published view.");
}
