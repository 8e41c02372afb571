using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;

namespace ReadinessSurvey.Cli;

internal static class UserCommands
{
    private const string Actor = "cli";

    public static Command Create(CliContext context) => new("users", "Policy-team accounts (Admin, Analyst).")
    {
        Add(context),
        SetRole(context),
        List(context),
    };

    private static Command Add(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "The person's email address; it is also their user name.", Required = true };
        var role = new Option<string>("--role") { Description = "Admin (changes things) or Analyst (reads).", Required = true };
        var name = new Option<string?>("--name") { Description = "The name shown in the audit log (default: the email)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of generating one." };
        var command = new Command("add", "Add a policy-team user. Without --password-stdin a strong password is generated and shown once.") { email, role, name, passwordStdin };
        command.SetAction(async (parse, ct) =>
        {
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
                if (string.IsNullOrEmpty(password))
                {
                    throw new CliException("--password-stdin was given but no password was read from standard input.");
                }
            }

            await using var scope = await context.OpenAsync(ct);
            try
            {
                var (user, chosen) = await scope.ServiceProvider.GetRequiredService<AccountService>()
                    .AddAsync(parse.GetRequiredValue(email), parse.GetValue(name) ?? "", parse.GetRequiredValue(role), password, Actor, ct);
                await context.Output.WriteLineAsync($"Added {user.Email} as {PolicyRoles.Parse(parse.GetRequiredValue(role))}.");
                if (password is null)
                {
                    // Shown once on the console, never logged: the person signs in and should set up two-factor.
                    await context.Output.WriteLineAsync($"Password (shown once): {chosen}");
                }

                await context.Output.WriteLineAsync("Sign in at /account/sign-in and set up an authenticator app under 'Your account'.");
            }
            catch (AccountException ex)
            {
                throw new CliException(ex.Message);
            }

            return 0;
        });
        return command;
    }

    private static Command SetRole(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "The user's email address.", Required = true };
        var role = new Option<string>("--role") { Description = "Admin or Analyst.", Required = true };
        var command = new Command("set-role", "Change a user's role; their sessions end so the change applies at once.") { email, role };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            try
            {
                await scope.ServiceProvider.GetRequiredService<AccountService>().SetRoleAsync(parse.GetRequiredValue(email), parse.GetRequiredValue(role), Actor, ct);
            }
            catch (AccountException ex)
            {
                throw new CliException(ex.Message);
            }

            await context.Output.WriteLineAsync($"{parse.GetRequiredValue(email)} is now {PolicyRoles.Parse(parse.GetRequiredValue(role))}.");
            return 0;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List the policy team's users with their role and whether two-factor is on.");
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await context.OpenAsync(ct);
            var rows = await scope.ServiceProvider.GetRequiredService<AccountService>().ListAsync(ct);
            foreach (var (user, role) in rows)
            {
                await context.Output.WriteLineAsync($"{user.Email}\t{user.DisplayName}\t{role}\t{(user.TwoFactorEnabled ? "two-factor" : "password only")}");
            }

            await context.Error.WriteLineAsync($"{rows.Count} user(s).");
            return 0;
        });
        return command;
    }
}
