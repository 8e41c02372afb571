using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;
using ReadinessSurvey.Tests.Web.Cli;

namespace ReadinessSurvey.Tests.Web.Email;

public sealed class EmailCliTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly SmtpSink _smtp = new();

    [Fact]
    public async Task The_cli_sends_invitations_and_reminders_by_smtp_and_exports_and_erases_a_person()
    {
        await using (var core = await CoreServices.StartAsync(_database))
        {
            await core.WithAsync(sp => sp.GetRequiredService<RoundService>().OpenAsync(
                new OpenRoundRequest("CLI round", Rounds.DefaultSurvey, null, null, DateTime.UtcNow.AddDays(20)), "test"));
        }

        var created = await Run("invite", "create", "--round", "1", "--council", "E07000223", "--name", "Alex Smith", "--email", "alex.smith@adur.gov.uk", "--role", "Head of digital", "--send");
        var refused = await Run("invite", "create", "--round", "1", "--council", "E07000224", "--name", "Refuse Me", "--email", "refuse.me@arun.gov.uk", "--role", "CIO", "--send");
        var reminded = await Run("invite", "remind", "--round", "1");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("Invitation 1 for Alex Smith (Adur): 1 of 1 emails sent.", created.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("/respond/start/", created.Output + created.Error, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Invitation 2: not sent after 3 tries. The mail server refused the message: 550", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, reminded.ExitCode);
        Assert.Contains("Reminders for round 1: 1 of 2 emails sent.", reminded.Output, StringComparison.Ordinal);
        var toAlex = _smtp.Messages().Where(m => m.EnvelopeTo == "alex.smith@adur.gov.uk").Select(m => m.Message.Subject).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, toAlex.Count);
        Assert.StartsWith("Reminder: Adur's AI readiness return closes on ", toAlex[0], StringComparison.Ordinal);
        Assert.Equal("You are invited to complete Adur's AI readiness return", toAlex[1]);

        var export = await Run("people", "export", "--email", "alex.smith@adur.gov.uk");
        var erase = await Run("people", "erase", "--email", "alex.smith@adur.gov.uk");
        var after = await Run("people", "export", "--email", "alex.smith@adur.gov.uk");

        Assert.Equal(0, export.ExitCode);
        var invitation = JsonDocument.Parse(export.Output).RootElement.GetProperty("invitations").EnumerateArray().Single();
        Assert.Equal("Alex Smith", invitation.GetProperty("name").GetString());
        Assert.Equal(2, invitation.GetProperty("emails").GetArrayLength());
        Assert.Contains("Erased 1 invitation and what went with them.", erase.Output, StringComparison.Ordinal);
        Assert.Empty(JsonDocument.Parse(after.Output).RootElement.GetProperty("invitations").EnumerateArray());
    }

    private Task<(int ExitCode, string Output, string Error)> Run(params string[] args) =>
        CliRunner.RunAsync(_database, new Dictionary<string, string?>
        {
            ["Email:Mode"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:RetryDelaySeconds"] = "0",
        }, args);

    public void Dispose()
    {
        _smtp.Dispose();
        _database.Dispose();
    }
}
