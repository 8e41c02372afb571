using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Reporting;

namespace ReadinessSurvey.Cli;

/// <summary><c>report sector|published|council &lt;code&gt;|councils|export --round &lt;id&gt; [--out &lt;dir&gt;]</c>.</summary>
internal static class ReportCommands
{
    public static Command Create(CliContext context) => new("report", "Generate a round's reports from its current aggregate results.")
    {
        Kind(context, ReportKinds.Sector, "The internal sector workbook: every figure, council scores and free text. Do not publish it."),
        Kind(context, ReportKinds.Published, "The published sector workbook: small numbers suppressed and no council named."),
        Kind(context, ReportKinds.Council, "One council's benchmark workbook.", withCode: true),
        Kind(context, ReportKinds.Councils, "A benchmark workbook for every council with a submitted return."),
        Kind(context, ReportKinds.Export, "Raw responses of submitted returns: xlsx, csv and a codebook."),
    };

    private static Command Kind(CliContext context, string kind, string description, bool withCode = false)
    {
        var round = new Option<int>("--round") { Description = "The round's id (see 'round list').", Required = true };
        var output = new Option<string?>("--out") { Description = "Folder to write to (default: reports/<round>/)." };
        var code = new Argument<string>("code") { Description = "The council's GSS code, e.g. E07000223." };
        var command = new Command(kind, description) { round, output };
        if (withCode)
        {
            command.Add(code);
        }

        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var service = scope.ServiceProvider.GetRequiredService<ReportService>();
            try
            {
                var result = await CliProgress.RunAsync($"Writing the {kind} report", progress =>
                    service.GenerateFilesAsync(parse.GetValue(round), kind, withCode ? parse.GetValue(code) : null, parse.GetValue(output), progress, ct));
                foreach (var file in result.Files)
                {
                    await context.Output.WriteLineAsync(file);
                }

                return 0;
            }
            catch (ReportException ex)
            {
                throw new CliException(ex.Message);
            }
        });
        return command;
    }
}
