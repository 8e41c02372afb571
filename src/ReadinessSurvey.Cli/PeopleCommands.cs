using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Privacy;

namespace ReadinessSurvey.Cli;

/// <summary>Personal data of invited council staff: subject access, erasure on request, and the retention run.</summary>
internal static class PeopleCommands
{
    private const string Actor = "cli";

    public static Command Create(CliContext context) => new("people", "Personal data held about invited council staff.")
    {
        Export(context),
        Erase(context),
        Retention(context),
    };

    private static Option<string> Email() => new("--email") { Description = "The person's email address.", Required = true };

    private static Command Export(CliContext context)
    {
        var email = Email();
        var output = new Option<FileInfo?>("--out") { Description = "Write the JSON here instead of standard output." };
        var command = new Command("export", "Everything held about a person, as JSON (a subject access request).") { email, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var json = await scope.ServiceProvider.GetRequiredService<PersonalData>().ExportAsync(parse.GetRequiredValue(email), ct);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, json, ct);
                await context.Error.WriteLineAsync($"Written to {file.FullName}.");
            }
            else
            {
                await context.Output.WriteLineAsync(json);
            }

            return 0;
        });
        return command;
    }

    private static Command Erase(CliContext context)
    {
        var email = Email();
        var command = new Command("erase", "Erase a person's name, email and role now (right to erasure); their council's answers stay, credited to \"a former contributor\".") { email };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var erased = await scope.ServiceProvider.GetRequiredService<PersonalData>().EraseAsync(parse.GetRequiredValue(email), Actor, ct);
            await context.Output.WriteLineAsync(erased == 0 ? "Nothing to erase: no invitation holds that address." : $"Erased {erased} invitation{(erased == 1 ? "" : "s")} and what went with them.");
            return 0;
        });
        return command;
    }

    private static Command Retention(CliContext context)
    {
        var command = new Command("retention", "Erase now everyone past Privacy:RetainContactsMonths after their round closed (the nightly job does the same).");
        command.SetAction(async (_, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var erased = await scope.ServiceProvider.GetRequiredService<PersonalData>().EraseExpiredAsync(Actor, ct);
            await context.Output.WriteLineAsync($"Erased {erased} invitation{(erased == 1 ? "" : "s")} past the retention period.");
            return 0;
        });
        return command;
    }
}
