using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Email;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Cli;

internal static class InviteCommands
{
    private const string Actor = "cli";

    public static Command Create(CliContext context) => new("invite", "Invitations for council respondents.")
    {
        CreateOne(context),
        Import(context),
        Revoke(context),
        Reissue(context),
        Remind(context),
    };

    private static Option<string?> BaseUrl() => new("--base-url")
    {
        Description = "The web app's public address, used to build the links (default: Site:BaseUrl, or http://localhost:5080/).",
    };

    private static Command CreateOne(CliContext context)
    {
        var round = new Option<int>("--round") { Description = "The round's id.", Required = true };
        var council = new Option<string>("--council") { Description = "The council's GSS code, e.g. E07000223.", Required = true };
        var name = new Option<string>("--name") { Description = "The person's name.", Required = true };
        var email = new Option<string>("--email") { Description = "The person's email address.", Required = true };
        var role = new Option<string>("--role") { Description = "The person's role, e.g. Head of digital.", Required = true };
        var baseUrl = BaseUrl();
        var send = new Option<bool>("--send") { Description = "Email the invitation (Email:Mode) instead of printing the link." };
        var command = new Command("create", "Invite one person to contribute to their council's return. Prints the link once, or emails it with --send.")
        {
            round, council, name, email, role, baseUrl, send,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var request = new InvitationRequest(parse.GetValue(round), parse.GetRequiredValue(council), parse.GetRequiredValue(name), parse.GetRequiredValue(email), parse.GetRequiredValue(role));
            var issued = await Run(() => scope.ServiceProvider.GetRequiredService<InvitationService>().CreateAsync(request, Actor, ct));
            if (parse.GetValue(send))
            {
                var messages = await Run(() => scope.ServiceProvider.GetRequiredService<EmailOutbox>().QueueAsync([issued.Invitation.Id], EmailKind.Invitation, Actor, cancellationToken: ct));
                return await ReportAsync(context, scope.ServiceProvider, messages, $"Invitation {issued.Invitation.Id} for {issued.Invitation.Name} ({issued.CouncilName})");
            }

            var site = SiteUrl(scope.ServiceProvider, parse.GetValue(baseUrl));
            await context.Output.WriteLineAsync($"Invitation {issued.Invitation.Id} for {issued.Invitation.Name} ({issued.CouncilName}), expires {issued.Invitation.ExpiresAt:yyyy-MM-dd}.");
            await context.Output.WriteLineAsync(issued.Link(site));
            await context.Error.WriteLineAsync("The link is shown once: only a hash of it is stored.");
            return 0;
        });
        return command;
    }

    private static Command Import(CliContext context)
    {
        var file = new Argument<FileInfo>("csv") { Description = "CSV with columns council_code,name,email,role." };
        var round = new Option<int>("--round") { Description = "The round's id.", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write the mail-merge CSV (with links) here instead of standard output." };
        var baseUrl = BaseUrl();
        var command = new Command("import", "Invite everyone in a CSV file, all or none, and print (or write) their links for a mail merge.")
        {
            file, round, output, baseUrl,
        };
        command.SetAction(async (parse, ct) =>
        {
            var requests = await Run(() => Task.FromResult(InvitationCsv.Read(parse.GetRequiredValue(file).FullName, parse.GetValue(round))));
            await using var scope = await context.OpenAsync(ct);
            var issued = await CliProgress.RunAsync("Creating invitations", async progress =>
            {
                var result = await Run(() => scope.ServiceProvider.GetRequiredService<InvitationService>().CreateManyAsync(requests, Actor, ct));
                progress.Report(100);
                return result;
            });
            var site = SiteUrl(scope.ServiceProvider, parse.GetValue(baseUrl));
            var target = parse.GetValue(output);
            await using var writer = target is null ? null : new StreamWriter(target.FullName);
            var sink = writer ?? context.Output;
            await MailMergeCsv.WriteLinksAsync(sink, issued, site);

            await context.Error.WriteLineAsync($"Created {issued.Count} invitations{(target is null ? "" : $"; links written to {target.FullName}")}. The links are shown once: only hashes are stored.");
            return 0;
        });
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var id = new Argument<int>("id") { Description = "The invitation's id." };
        var command = new Command("revoke", "Stop an invitation's link from working.") { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var invitation = await Run(() => scope.ServiceProvider.GetRequiredService<InvitationService>().RevokeAsync(parse.GetValue(id), Actor, ct));
            await context.Output.WriteLineAsync($"Revoked invitation {invitation.Id} for {invitation.Name}.");
            return 0;
        });
        return command;
    }

    private static Command Reissue(CliContext context)
    {
        var id = new Argument<int>("id") { Description = "The invitation's id." };
        var baseUrl = BaseUrl();
        var command = new Command("reissue", "Give an invitation a new link; the old one stops working.") { id, baseUrl };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var issued = await Run(() => scope.ServiceProvider.GetRequiredService<InvitationService>().ReissueAsync(parse.GetValue(id), Actor, ct));
            await context.Output.WriteLineAsync(issued.Link(SiteUrl(scope.ServiceProvider, parse.GetValue(baseUrl))));
            return 0;
        });
        return command;
    }

    private static Command Remind(CliContext context)
    {
        var round = new Option<int>("--round") { Description = "The round's id.", Required = true };
        var command = new Command("remind", "Email a reminder now to everyone who can still take part at councils that have not submitted.") { round };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var messages = await Run(() => scope.ServiceProvider.GetRequiredService<EmailOutbox>().RemindAsync(parse.GetValue(round), null, Actor, ct));
            return await ReportAsync(context, scope.ServiceProvider, messages, $"Reminders for round {parse.GetValue(round)}");
        });
        return command;
    }

    /// <summary>Says how many messages went and which failed (by invitation id and reason); non-zero exit when any failed.</summary>
    private static async Task<int> ReportAsync(CliContext context, IServiceProvider services, IReadOnlyList<EmailMessage> messages, string what)
    {
        var ids = messages.Select(m => m.Id).ToList();
        var results = await services.GetRequiredService<ReadinessDbContext>().EmailMessages.AsNoTracking()
            .Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync();
        var sent = results.Count(m => m.Status == EmailStatus.Sent);
        await context.Output.WriteLineAsync($"{what}: {sent} of {results.Count} emails sent.");
        foreach (var failed in results.Where(m => m.Status == EmailStatus.Failed))
        {
            await context.Error.WriteLineAsync($"Invitation {failed.InvitationId}: not sent after {failed.Attempts} tries. {failed.FailureReason}");
        }

        return sent == results.Count ? 0 : 1;
    }

    private static async Task<T> Run<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (InvitationException ex)
        {
            throw new CliException(string.Join(Environment.NewLine, ex.Errors));
        }
    }

    private static Uri SiteUrl(IServiceProvider services, string? option)
    {
        var text = option ?? services.GetRequiredService<IConfiguration>()["Site:BaseUrl"] ?? "http://localhost:5080/";
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            throw new CliException($"--base-url '{text}' is not an http or https address.");
        }

        return uri;
    }
}
