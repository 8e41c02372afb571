using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Cli;

internal static class SurveyCommands
{
    public static Command Create(CliContext context) => new("survey", "Survey definitions.")
    {
        Validate(context),
        Import(context),
        List(context),
    };

    private static Command Validate(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "A survey definition (JSON)." };
        var command = new Command("validate", "Check a survey definition. Exit 0 when valid; otherwise exit 1 and list every problem with its location.") { file };
        command.SetAction(async parse =>
        {
            var loaded = SurveyDefinitionLoader.LoadFile(parse.GetRequiredValue(file).FullName);
            return await Report(context, loaded);
        });
        return command;
    }

    private static Command Import(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "A survey definition (JSON)." };
        var command = new Command("import", "Check a survey definition and store it as a new immutable version.") { file };
        command.SetAction(async (parse, ct) =>
        {
            var loaded = SurveyDefinitionLoader.LoadFile(parse.GetRequiredValue(file).FullName);
            if (await Report(context, loaded) != 0)
            {
                await context.Error.WriteLineAsync("Nothing was imported.");
                return 1;
            }

            await using var scope = await context.OpenAsync(ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<SurveyLibrary>().ImportAsync(loaded, "cli", ct);
            foreach (var error in outcome.Errors)
            {
                await context.Error.WriteLineAsync(error);
            }

            var d = loaded.Definition!;
            await context.Output.WriteLineAsync(outcome.Status switch
            {
                ImportStatus.Imported => $"Imported {d.Id} version {d.Version} (\"{d.Title}\").",
                ImportStatus.Unchanged => $"{d.Id} version {d.Version} is already stored with the same content; nothing changed.",
                _ => "Nothing was imported.",
            });
            return outcome.Status is ImportStatus.Imported or ImportStatus.Unchanged ? 0 : 1;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List the stored survey definition versions.");
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            foreach (var d in await scope.ServiceProvider.GetRequiredService<SurveyLibrary>().ListAsync(ct))
            {
                await context.Output.WriteLineAsync($"{d.SurveyId}\tv{d.Version}\t{d.Title}\t{d.ContentHash[..12]}\t{d.ImportedAt:yyyy-MM-dd}");
            }

            return 0;
        });
        return command;
    }

    private static async Task<int> Report(CliContext context, LoadResult loaded)
    {
        if (loaded.IsValid)
        {
            var d = loaded.Definition!;
            await context.Output.WriteLineAsync(
                $"{loaded.FileName}: valid. {d.Id} version {d.Version}: {d.Sections.Count} sections, {d.Questions.Count} questions.");
            return 0;
        }

        foreach (var error in loaded.Errors)
        {
            await context.Error.WriteLineAsync(error.ToString());
        }

        await context.Error.WriteLineAsync($"{loaded.Errors.Count} problem(s) found in {loaded.FileName}.");
        return 1;
    }
}
