using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Web.Cli;

public sealed class CliTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly string _survey = Path.Combine(Repository.Surveys, "ai-readiness-2024-25.json");

    [Fact]
    public async Task Survey_validate_accepts_the_default_survey()
    {
        var (exit, output, _) = await CliRunner.RunAsync(_database, "survey", "validate", _survey);

        Assert.Equal(0, exit);
        Assert.Contains("valid. ai-readiness-2024-25 version 1: 9 sections, 55 questions", output, StringComparison.Ordinal);
    }

    /// <summary>The executable itself, not only its entry point: the problems on standard error and exit code 1.</summary>
    [Fact]
    public async Task Survey_validate_lists_every_problem_with_its_location_and_exits_1()
    {
        var bad = Path.Combine(_database.Folder, "bad.json");
        var text = await File.ReadAllTextAsync(_survey);
        text = text.Replace("\"score\": 4", "\"score\": 7", StringComparison.Ordinal)
            .Replace("\"showIf\": \"[B1.score] >= 2\"", "\"showIf\": \"[B9] >= 2\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(bad, text);

        var (exit, _, error) = await CliRunner.RunProcessAsync(_database, "survey", "validate", bad);

        Assert.Equal(1, exit);
        Assert.Matches(@"bad\.json:\d+ \$\.sections\[\d+\]\.questions\[\d+\]\.options\[\d+\]\.score", error);
        Assert.Contains("B9", error, StringComparison.Ordinal);
        Assert.Matches(@"\d+ problem\(s\) found", error);
    }

    [Fact]
    public async Task Survey_import_stores_a_version_once_and_refuses_changed_content_under_the_same_version()
    {
        var changed = Path.Combine(_database.Folder, "changed.json");
        await File.WriteAllTextAsync(changed, (await File.ReadAllTextAsync(_survey)).Replace("AI readiness of councils 2024 to 2025", "Changed title", StringComparison.Ordinal));

        var first = await CliRunner.RunAsync(_database, "survey", "import", _survey);
        var again = await CliRunner.RunAsync(_database, "survey", "import", _survey);
        var conflict = await CliRunner.RunAsync(_database, "survey", "import", changed);

        // Start-up imports surveys/ already, so the first import finds it stored.
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("already stored with the same content", again.Output, StringComparison.Ordinal);
        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("already stored with different content", conflict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_open_and_invitations_made_with_the_cli_work_in_the_web_app()
    {
        var opened = await CliRunner.RunAsync(_database, "round", "open", "--name", "CLI round", "--survey", "ai-readiness-2024-25", "--closes", "2099-12-31");
        var invited = await CliRunner.RunAsync(_database, "invite", "create", "--round", "1", "--council", "E07000223",
            "--name", "Alex Smith", "--email", "alex@adur.gov.uk", "--role", "Head of digital", "--base-url", "https://survey.example/");
        var csv = Path.Combine(_database.Folder, "invites.csv");
        await File.WriteAllLinesAsync(csv, ["council_code,name,email,role", "E10000032,Sam Jones,sam@westsussex.gov.uk,DPO", "E08000025,=cmd|' /C calc'!A0,kim@birmingham.gov.uk,Lead"]);
        var links = Path.Combine(_database.Folder, "links.csv");
        var bulk = await CliRunner.RunAsync(_database, "invite", "import", csv, "--round", "1", "--out", links);

        Assert.Equal(0, opened.ExitCode);
        Assert.Contains("Opened round 1 \"CLI round\"", opened.Output, StringComparison.Ordinal);
        Assert.Equal(0, invited.ExitCode);
        var link = invited.Output.Split('\n').Single(l => l.StartsWith("https://survey.example/respond/start/", StringComparison.Ordinal)).Trim();
        Assert.Equal(0, bulk.ExitCode);
        var rows = await File.ReadAllLinesAsync(links);
        Assert.Equal(3, rows.Length);
        Assert.Contains("\"'=cmd|' /C calc'!A0\"", rows[2], StringComparison.Ordinal);

        using var factory = new ReadinessWebFactoryOn(_database);
        using var client = factory.CreateFormClient();
        var response = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Adur District Council", await client.GetPageAsync("/respond"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_reopen_opens_a_submitted_return_and_keeps_the_reason()
    {
        using var factory = new ReadinessWebFactoryOn(_database);
        using (var scope = factory.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var round = await sp.GetRequiredService<RoundService>().OpenAsync(new OpenRoundRequest("Reopen", "ai-readiness-2024-25", null, null, DateTime.UtcNow.AddDays(9)), "test");
            var issued = await sp.GetRequiredService<InvitationService>().CreateAsync(new InvitationRequest(round.Id, "E07000223", "Alex Smith", "alex@adur.gov.uk", "Lead"), "test");
            var contributor = await sp.GetRequiredService<ReturnService>().EnsureContributorAsync(issued.Invitation);
            var answers = SurveyAnswers.Complete(SurveyAnswers.Default, SurveyAnswers.District);
            await sp.GetRequiredService<ReturnService>().SaveAsync(contributor.ReturnId, contributor.Id, answers.Select(a => new AnswerChange(a.Key, a.Value, 0)).ToList());
            Assert.True((await sp.GetRequiredService<SubmissionService>().SubmitAsync(contributor.ReturnId, contributor.Id)).Submitted);
        }

        var reopened = await CliRunner.RunAsync(_database, "return", "reopen", "--round", "1", "--council", "e07000223", "--reason", "Headcount was wrong", "--by", "policy.team");
        var again = await CliRunner.RunAsync(_database, "return", "reopen", "--round", "1", "--council", "E07000223", "--reason", "Twice");

        Assert.Equal(0, reopened.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("has not been submitted", again.Error, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        var history = await db.SubmissionEvents.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([SubmissionEventKind.Submitted, SubmissionEventKind.Reopened], history.Select(h => h.Kind));
        Assert.Equal(("policy.team", "Headcount was wrong"), (history[1].Actor, history[1].Reason));
        Assert.Equal(ReturnStatus.InProgress, (await db.Returns.SingleAsync()).Status);
    }

    [Theory]
    [InlineData("round open --name X --survey ai-readiness-2024-25 --closes 31/12/2099", "--closes '31/12/2099' is not a date")]
    [InlineData("round open --name X --survey nope --closes 2099-12-31", "No survey definition with id 'nope'")]
    [InlineData("invite create --round 99 --council E07000223 --name A --email a@b.gov.uk --role R", "there is no round with id 99")]
    [InlineData("councils import /no/such/file.csv", "does not exist")]
    [InlineData("survey frobnicate", "Unrecognized command or argument 'frobnicate'")]
    [InlineData("round open --survey x", "Option '--name' is required")]
    public async Task Bad_arguments_get_a_clear_error_and_a_non_zero_exit(string args, string message)
    {
        var (exit, output, error) = await CliRunner.RunAsync(_database, args.Split(' '));

        Assert.NotEqual(0, exit);
        Assert.Contains(message, output + error, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();
}

/// <summary>The web app on an existing test database, to see what the CLI wrote.</summary>
internal sealed class ReadinessWebFactoryOn(TestDatabase database) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
{
    public FormClient CreateFormClient() => new(CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        foreach (var (key, value) in database.Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("SignInRateLimit:PermitLimit", "1000");
        builder.UseSetting("SignInRateLimit:InvitationPermitLimit", "1000");
    }
}
