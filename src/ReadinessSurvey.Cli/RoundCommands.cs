using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Cli;

internal static class RoundCommands
{
    private const string Actor = "cli";

    public static Command Create(CliContext context) => new("round", "Survey rounds.")
    {
        Open(context),
        Close(context),
        List(context),
    };

    private static Command Open(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "The round's name, e.g. \"AI readiness 2024-25\".", Required = true };
        var survey = new Option<string>("--survey") { Description = "The survey definition's id, e.g. ai-readiness.", Required = true };
        var version = new Option<int?>("--version") { Description = "The definition version (default: the latest stored)." };
        var opens = new Option<string?>("--opens") { Description = "Opening date, yyyy-MM-dd (default: now)." };
        var closes = new Option<string>("--closes") { Description = "Closing date, yyyy-MM-dd (the round closes at the end of that day, UK time).", Required = true };
        var command = new Command("open", "Create a round on a survey definition version and open it.") { name, survey, version, opens, closes };
        command.SetAction(async (parse, ct) =>
        {
            var request = new OpenRoundRequest(
                parse.GetRequiredValue(name),
                parse.GetRequiredValue(survey),
                parse.GetValue(version),
                parse.GetValue(opens) is { } o ? UkTime.StartOfDay(DateOnly.FromDateTime(ParseDate("--opens", o))) : null,
                UkTime.EndOfDay(DateOnly.FromDateTime(ParseDate("--closes", parse.GetRequiredValue(closes)))));
            await using var scope = await context.OpenAsync(ct);
            try
            {
                var round = await scope.ServiceProvider.GetRequiredService<RoundService>().OpenAsync(request, Actor, ct);
                await context.Output.WriteLineAsync(
                    $"Opened round {round.Id} \"{round.Name}\" on {round.DefinitionVersion!.SurveyId} version {round.DefinitionVersion.Version}, closing {round.ClosesAt:yyyy-MM-dd}.");
                return 0;
            }
            catch (RoundException ex)
            {
                throw new CliException(string.Join(Environment.NewLine, ex.Errors));
            }
        });
        return command;
    }

    private static Command Close(CliContext context)
    {
        var id = new Argument<int>("id") { Description = "The round's id." };
        var command = new Command("close", "Close a round: invitations stop working and returns can no longer change.") { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            try
            {
                var round = await scope.ServiceProvider.GetRequiredService<RoundService>().CloseAsync(parse.GetValue(id), Actor, ct);
                await context.Output.WriteLineAsync($"Closed round {round.Id} \"{round.Name}\".");
                return 0;
            }
            catch (RoundException ex)
            {
                throw new CliException(string.Join(Environment.NewLine, ex.Errors));
            }
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List the rounds.");
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var rounds = await scope.ServiceProvider.GetRequiredService<RoundService>().ListAsync(ct);
            if (rounds.Count == 0)
            {
                await context.Output.WriteLineAsync("No rounds yet. Open one with 'round open'.");
            }

            foreach (var r in rounds)
            {
                await context.Output.WriteLineAsync(
                    $"{r.Id}\t{r.Name}\t{r.DefinitionVersion!.SurveyId} v{r.DefinitionVersion.Version}\t{r.Status}\t{r.OpensAt:yyyy-MM-dd} to {r.ClosesAt:yyyy-MM-dd}");
            }

            return 0;
        });
        return command;
    }

    private static DateTime ParseDate(string option, string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? DateTime.SpecifyKind(date, DateTimeKind.Utc)
            : throw new CliException($"{option} '{text}' is not a date in the form yyyy-MM-dd, e.g. 2025-02-28.");
}
