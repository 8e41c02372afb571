using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Cli;

internal static class ReturnCommands
{
    public static Command Create(CliContext context) => new("return", "Councils' returns.")
    {
        Reopen(context),
        List(context),
    };

    private static Command Reopen(CliContext context)
    {
        var round = new Option<int>("--round") { Description = "The round's id.", Required = true };
        var council = new Option<string>("--council") { Description = "The council's GSS code.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why it is reopened (kept in the return's history).", Required = true };
        var by = new Option<string>("--by") { Description = "Who is reopening it (default: cli).", DefaultValueFactory = _ => "cli" };
        var command = new Command("reopen", "Reopen a submitted return so its contributors can change it again.") { round, council, reason, by };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var returnId = await FindAsync(scope.ServiceProvider, parse.GetValue(round), parse.GetRequiredValue(council), ct);
            try
            {
                await scope.ServiceProvider.GetRequiredService<SubmissionService>().ReopenAsync(returnId, parse.GetRequiredValue(by), parse.GetRequiredValue(reason), ct);
            }
            catch (InvalidOperationException ex)
            {
                throw new CliException(ex.Message);
            }

            await context.Output.WriteLineAsync($"Reopened the return of {parse.GetRequiredValue(council).ToUpperInvariant()} in round {parse.GetValue(round)}.");
            return 0;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var round = new Option<int>("--round") { Description = "The round's id.", Required = true };
        var command = new Command("list", "List the round's returns with their status.") { round };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var db = scope.ServiceProvider.GetRequiredService<ReadinessDbContext>();
            var roundId = parse.GetValue(round);
            var rows = await db.Returns.AsNoTracking().Where(r => r.RoundId == roundId)
                .OrderBy(r => r.Council!.Code)
                .Select(r => new { r.Council!.Code, r.Council.Name, r.Status, r.UpdatedAt, r.SubmittedAt })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                await context.Output.WriteLineAsync($"{r.Code}\t{r.Name}\t{r.Status}\t{r.UpdatedAt:yyyy-MM-dd HH:mm}\t{r.SubmittedAt:yyyy-MM-dd HH:mm}");
            }

            await context.Error.WriteLineAsync($"{rows.Count} return(s) in round {roundId}.");
            return 0;
        });
        return command;
    }

    private static async Task<int> FindAsync(IServiceProvider services, int roundId, string councilCode, CancellationToken ct)
    {
        var code = councilCode.Trim().ToUpperInvariant();
        var id = await services.GetRequiredService<ReadinessDbContext>().Returns
            .Where(r => r.RoundId == roundId && r.Council!.Code == code).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        return id ?? throw new CliException($"Council {code} has no return in round {roundId}.");
    }
}
