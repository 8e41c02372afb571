using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Demo;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Cli;

internal static class DemoCommands
{
    public static Command Create(CliContext context) => new("demo", "Demo data.")
    {
        Seed(context),
    };

    private static Command Seed(CliContext context)
    {
        var round = new Option<int>("--round") { Description = "The round's id; it must be open.", Required = true };
        var councils = new Option<int?>("--councils") { Description = "How many councils (default: every council with no return in the round yet)." };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same answers (default 1).", DefaultValueFactory = _ => 1 };
        var command = new Command(
            "seed",
            "Submit realistic made-up returns for registered councils, through the same steps as real respondents, then aggregate the round.")
        {
            round, councils, seed,
        };
        command.SetAction(async (parse, ct) =>
        {
            var roundId = parse.GetValue(round);
            if (parse.GetValue(councils) is < 1)
            {
                throw new CliException("--councils must be at least 1.");
            }

            await using var scope = await context.OpenAsync(ct);
            DemoSeedResult result;
            try
            {
                var demo = scope.ServiceProvider.GetRequiredService<DemoReturns>();
                result = await CliProgress.RunAsync("Submitting demo returns", p => demo.SeedAsync(roundId, parse.GetValue(councils), parse.GetValue(seed), p, ct));
            }
            catch (Exception ex) when (ex is InvalidOperationException or InvitationException)
            {
                throw new CliException(ex.Message);
            }

            await context.Output.WriteLineAsync($"Submitted {result.Submitted} demo returns for round {roundId}; {result.CouncilsLeft} councils have no return yet.");
            var summary = await AggregateCommands.RunAsync(scope.ServiceProvider, roundId, ct);
            await AggregateCommands.WriteSummaryAsync(context.Output, summary);
            return 0;
        });
        return command;
    }
}
