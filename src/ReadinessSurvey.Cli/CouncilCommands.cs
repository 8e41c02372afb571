using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Councils;

namespace ReadinessSurvey.Cli;

internal static class CouncilCommands
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("csv") { Description = "The council register CSV (columns as in the bundled register)." };
        var import = new Command("import", "Import or re-import the council register. Councils are matched on their GSS code.") { file };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            await using var scope = await context.OpenAsync(ct);
            var importer = scope.ServiceProvider.GetRequiredService<CouncilRegisterImporter>();
            var result = await CliProgress.RunAsync("Importing councils", p => importer.ImportAsync(path, p, ct));
            if (!result.Succeeded)
            {
                foreach (var e in result.Errors)
                {
                    await context.Error.WriteLineAsync(e);
                }

                await context.Error.WriteLineAsync("Nothing was imported.");
                return 1;
            }

            await context.Output.WriteLineAsync($"Read {result.Read} councils: {result.Added} added, {result.Updated} updated.");
            return 0;
        });

        return new Command("councils", "The council register.") { import };
    }
}
