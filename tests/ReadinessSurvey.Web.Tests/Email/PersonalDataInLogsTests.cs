using System.Net;
using System.Text.RegularExpressions;
using ReadinessSurvey.Accounts;

namespace ReadinessSurvey.Tests.Web.Email;

public sealed partial class PersonalDataInLogsTests(EmailWebFactory factory) : IClassFixture<EmailWebFactory>
{
    private const string Worthing = "E07000229";

    [Fact]
    public async Task A_whole_journey_leaves_no_name_email_token_link_or_answer_text_in_any_log_line()
    {
        var scenario = new Scenario(factory);
        var round = await scenario.OpenRoundAsync("logs " + Guid.NewGuid());
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);

        // An admin invites a person on the council's page and has the invitation emailed.
        var invite = await admin.PostAsync($"/admin/councils/{Worthing}/invite?round={round}",
            [new("name", "Quentin Zebedee-Marlowe"), new("email", "q.zebedee-marlowe@worthing.gov.uk"), new("role", "Chief digital officer")]);
        var printed = LinkPattern().Match(await invite.Content.ReadAsStringAsync()).Value;
        var id = int.Parse(Regex.Match(await admin.GetPageAsync($"/admin/councils/{Worthing}?round={round}"), @"/invitations/(\d+)/send").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await admin.PostAsync($"/admin/councils/{Worthing}/invitations/{id}/send", []);
        var link = await factory.WaitForLinkAsync("q.zebedee-marlowe@worthing.gov.uk");

        // The person follows the emailed link, answers (with free text), and an admin chases and reminds.
        using var person = factory.CreateFormClient();
        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
        await person.PostAsync("/respond/section/a", [new("v-A2", "0"), new("q-A2", "digital_lead"), new("v-A3", "0"), new("q-A3", "1,250"), new("next", "later")]);
        await person.PostAsync("/respond/section/b", [new("v-B1", "0"), new("q-B1", "live_many"), new("next", "later")]);
        var saved = await person.PostAsync("/respond/section/c", [new("v-C2", "0"), new("q-C2", "Our Xylophone-Aardvark pilot in planning"), new("next", "later")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await admin.GetPageAsync($"/admin/councils/chase?round={round}");
        await admin.PostAsync($"/admin/councils/chase/remind?round={round}", []);
        await factory.Smtp.WaitForAsync("q.zebedee-marlowe@worthing.gov.uk");
        using var stranger = factory.CreateFormClient();
        await stranger.GetAsync(new Uri(printed).PathAndQuery);

        var logs = string.Join("\n", factory.Logs.Lines);
        Assert.NotEmpty(factory.Logs.Lines);
        Assert.Contains("Sent email message", logs, StringComparison.Ordinal);
        var personal = new[]
        {
            "Quentin", "Zebedee", "worthing.gov.uk", "Chief digital officer", "Xylophone", "Aardvark",
            new Uri(link).Segments[^1], new Uri(printed).Segments[^1], "/respond/start/",
        };
        foreach (var text in personal)
        {
            var line = factory.Logs.Lines.FirstOrDefault(l => l.Contains(text, StringComparison.OrdinalIgnoreCase));
            Assert.True(line is null, $"A log line holds '{text}': {line}");
        }
    }

    [GeneratedRegex(@"http://localhost/respond/start/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
