using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Tests.Web.Admin;

public sealed class CouncilPagesTests(ReadinessWebFactory factory) : IClassFixture<ReadinessWebFactory>
{
    private const string Adur = "E07000223";
    private const string Arun = "E07000224";
    private const string Birmingham = "E08000025";
    private const string Westminster = "E09000033";
    private const string Worthing = "E07000229";

    private readonly Scenario _scenario = new(factory);

    [Fact]
    public async Task The_register_shows_each_councils_state_and_filters_by_status_type_and_region()
    {
        var round = await RoundWithEveryStateAsync();
        using var analyst = await factory.SignInAsAsync(PolicyRoles.Analyst);

        var all = await analyst.GetPageAsync($"/admin/councils?round={round}");
        var notStarted = await analyst.GetPageAsync($"/admin/councils?round={round}&status=NotStarted");
        var metropolitan = await analyst.GetPageAsync($"/admin/councils?round={round}&type=Metropolitan+district");
        var southEastInProgress = await analyst.GetPageAsync($"/admin/councils?round={round}&region=South+East&status=InProgress");

        Assert.Contains(Row(Adur, round), all, StringComparison.Ordinal);
        Assert.Contains("(page 1 of 7)", all, StringComparison.Ordinal);
        Assert.DoesNotContain(Row(Worthing, round), all, StringComparison.Ordinal);
        Assert.Contains(Row(Worthing, round), await analyst.GetPageAsync($"/admin/councils?round={round}&q=worth"), StringComparison.Ordinal);
        Assert.Contains(Row(Worthing, round), await analyst.GetPageAsync($"/admin/councils?round={round}&p=7"), StringComparison.Ordinal);
        Assert.Contains("No invitation", all, StringComparison.Ordinal);
        Assert.Equal([Birmingham, Westminster], CouncilsOn(notStarted, round, Adur, Arun, Birmingham, Westminster, Worthing));
        Assert.Contains("value=\"NotStarted\" checked=\"checked\"", notStarted, StringComparison.Ordinal);
        Assert.Contains(Row(Birmingham, round), metropolitan, StringComparison.Ordinal);
        Assert.DoesNotContain(Row(Adur, round), metropolitan, StringComparison.Ordinal);
        Assert.Equal([Arun], CouncilsOn(southEastInProgress, round, Adur, Arun, Birmingham, Westminster, Worthing));
        Assert.Contains("1 councils in", southEastInProgress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chase_list_holds_councils_not_started_or_not_submitted_and_downloads_as_formula_safe_csv()
    {
        var round = await RoundWithEveryStateAsync();
        using var analyst = await factory.SignInAsAsync(PolicyRoles.Analyst);

        var chase = await analyst.GetPageAsync($"/admin/councils/chase?round={round}");
        var districts = await analyst.GetPageAsync($"/admin/councils/chase?round={round}&type=Non-metropolitan+district");
        var csvResponse = await analyst.GetAsync($"/admin/councils/chase?handler=csv&round={round}");
        var csv = await csvResponse.Content.ReadAsStringAsync();

        Assert.Equal([Arun, Birmingham, Westminster], CouncilsOn(chase, round, Adur, Arun, Birmingham, Westminster, Worthing));
        Assert.Equal([Arun], CouncilsOn(districts, round, Adur, Arun, Birmingham, Westminster, Worthing));
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment", csvResponse.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("council_code,council_name,council_type,region,status,last_changed,name,email,role,invited", lines[0]);
        Assert.Equal(4, lines.Count);
        Assert.Contains(lines, l => l.StartsWith($"\"{Arun}\",\"Arun\",\"Non-metropolitan district\",\"South East\",\"In progress\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Adur, StringComparison.Ordinal) || l.Contains(Worthing, StringComparison.Ordinal));
        Assert.Equal(1, await _scenario.AuditCountAsync("chase-list.downloaded", $"round:{round}"));
    }

    [Fact]
    public async Task An_admin_invites_a_named_person_and_sees_the_working_link_once()
    {
        var round = await _scenario.OpenRoundAsync("invite " + Guid.NewGuid());
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);

        var bad = await admin.PostAsync($"/admin/councils/{Worthing}/invite?round={round}", [new("name", ""), new("email", "not-an-email"), new("role", "")]);
        var badPage = await bad.Content.ReadAsStringAsync();
        var response = await admin.PostAsync($"/admin/councils/{Worthing}/invite?round={round}", [new("name", "Jo Bloggs"), new("email", "jo.bloggs@worthing.gov.uk"), new("role", "Chief digital officer")]);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("Enter the person&#x27;s name", badPage, StringComparison.Ordinal);
        Assert.Contains("is not an email address in the correct format", badPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var link = Workspace.LinkOn(page);
        Assert.StartsWith("http://localhost:5080/respond/start/", link, StringComparison.Ordinal);
        var council = await admin.GetPageAsync($"/admin/councils/{Worthing}?round={round}");
        Assert.Contains("Jo Bloggs", council, StringComparison.Ordinal);
        Assert.Contains("jo.bloggs@worthing.gov.uk", council, StringComparison.Ordinal);
        Assert.DoesNotContain(link, council, StringComparison.Ordinal);
        var invitation = await _scenario.DbAsync(db => db.Invitations.SingleAsync(i => i.RoundId == round));
        Assert.Equal(1, await _scenario.AuditCountAsync("invitation.created", $"invitation:{invitation.Id}"));
        Assert.True(await Workspace.LinkWorksAsync(factory, link));
    }

    [Fact]
    public async Task Revoking_asks_first_and_stops_the_link_and_reissuing_gives_a_new_one()
    {
        var round = await _scenario.OpenRoundAsync("revoke " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round, Worthing, "Sam Jones");
        var id = invitation.Invitation.Id;
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);

        var confirm = await admin.GetPageAsync($"/admin/councils/{Worthing}/invitations/{id}/revoke");
        Assert.Contains("Are you sure you want to revoke Sam Jones", confirm, StringComparison.Ordinal);
        Assert.True(await Workspace.LinkWorksAsync(factory, invitation.Token));
        var revoked = await admin.PostAsync($"/admin/councils/{Worthing}/invitations/{id}/revoke", []);

        Assert.Equal($"/admin/councils/{Worthing}?round={round}", revoked.Headers.Location?.OriginalString);
        Assert.False(await Workspace.LinkWorksAsync(factory, invitation.Token));
        Assert.Contains(">Revoked</td>", await admin.GetPageAsync($"/admin/councils/{Worthing}?round={round}"), StringComparison.Ordinal);
        Assert.Equal(1, await _scenario.AuditCountAsync("invitation.revoked", $"invitation:{id}"));

        var reissued = await admin.PostAsync($"/admin/councils/{Worthing}/invitations/{id}/reissue", []);
        var link = Workspace.LinkOn(await reissued.Content.ReadAsStringAsync());

        Assert.True(await Workspace.LinkWorksAsync(factory, link));
        Assert.False(await Workspace.LinkWorksAsync(factory, invitation.Token));
        Assert.Equal(1, await _scenario.AuditCountAsync("invitation.reissued", $"invitation:{id}"));

        // The invitation must belong to the council in the address.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/councils/{Adur}/invitations/{id}/revoke")).StatusCode);
    }

    [Fact]
    public async Task An_uploaded_csv_invites_everyone_and_answers_with_the_mail_merge_links()
    {
        var round = await _scenario.OpenRoundAsync("upload " + Guid.NewGuid());
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);
        const string good = "council_code,name,email,role\nE07000223,Alex Smith,alex@adur.gov.uk,Head of digital\nE08000025,-Pat Lee,pat@birmingham.gov.uk,CIO\n";
        const string wrong = "council_code,name,email,role\nE07000223,Alex Smith,alex@adur.gov.uk,Head of digital\nX99,Nobody,nobody,\n";

        var refused = await UploadAsync(admin, round, wrong);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        var response = await UploadAsync(admin, round, good);
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');

        Assert.Contains("people.csv: line 3: there is no council with code &#x27;X99&#x27;", refusedPage, StringComparison.Ordinal);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(MailMergeCsv.LinksHeader, lines[0]);
        Assert.Equal(3, lines.Count);
        Assert.Contains("\"'-Pat Lee\"", lines[2], StringComparison.Ordinal);
        var link = lines[1].Split(',')[^1].Trim('"');
        Assert.True(await Workspace.LinkWorksAsync(factory, link));
        Assert.Equal(2, await _scenario.DbAsync(db => db.Invitations.CountAsync(i => i.RoundId == round)));
        Assert.Equal(1, await _scenario.AuditCountAsync("invitation-links.downloaded", $"round:{round}"));
    }

    [Fact]
    public async Task New_links_for_the_chase_list_replace_the_old_ones_in_one_download()
    {
        var round = await RoundWithEveryStateAsync();
        var oldArun = await _scenario.InviteAsync(round, Arun, "Second Person");
        using var admin = await factory.SignInAsAsync(PolicyRoles.Admin);

        var confirm = await admin.GetPageAsync($"/admin/councils/chase/reissue?round={round}&region=South+East");
        var response = await admin.PostAsync($"/admin/councils/chase/reissue?round={round}&region=South+East", []);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        Assert.Contains("Give 2 people new links?", confirm, StringComparison.Ordinal);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, lines.Count);
        Assert.All(lines.Skip(1), l => Assert.Contains($"\"{Arun}\"", l, StringComparison.Ordinal));
        Assert.False(await Workspace.LinkWorksAsync(factory, oldArun.Token));
        Assert.True(await Workspace.LinkWorksAsync(factory, lines[2].Split(',')[^1].Trim('"')));
        Assert.Equal(2, await _scenario.AuditCountAsync("invitation.reissued"));
        Assert.Equal(1, await _scenario.AuditCountAsync("invitation-links.downloaded", $"round:{round}"));
    }

    [Fact]
    public async Task An_analyst_sees_no_invite_buttons_and_cannot_invite_revoke_reissue_or_upload()
    {
        var round = await _scenario.OpenRoundAsync("analyst " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round, Worthing, "Sam Jones");
        var id = invitation.Invitation.Id;
        using var analyst = await factory.SignInAsAsync(PolicyRoles.Analyst);

        var council = await analyst.GetPageAsync($"/admin/councils/{Worthing}?round={round}");
        var chase = await analyst.GetPageAsync($"/admin/councils/chase?round={round}");
        var invite = await analyst.PostAsync($"/admin/councils/{Worthing}/invite?round={round}", [new("name", "Eve"), new("email", "eve@example.gov.uk"), new("role", "Intruder")]);
        var revoke = await analyst.PostAsync($"/admin/councils/{Worthing}/invitations/{id}/revoke", []);
        var reissue = await analyst.PostAsync($"/admin/councils/{Worthing}/invitations/{id}/reissue", []);
        var chaseLinks = await analyst.PostAsync($"/admin/councils/chase/reissue?round={round}", []);
        var upload = await UploadAsync(analyst, round, "council_code,name,email,role\nE07000223,Eve,eve@example.gov.uk,Intruder\n");

        Assert.DoesNotContain("Invite someone", council, StringComparison.Ordinal);
        Assert.DoesNotContain("/revoke", council, StringComparison.Ordinal);
        Assert.DoesNotContain("New links for a chase email", chase, StringComparison.Ordinal);
        Assert.Contains("Download the chase list", chase, StringComparison.Ordinal);
        foreach (var response in new[] { invite, revoke, reissue, chaseLinks, upload })
        {
            Workspace.AssertRefused(response);
        }

        Assert.Equal(1, await _scenario.DbAsync(db => db.Invitations.CountAsync(i => i.RoundId == round)));
        Assert.True(await Workspace.LinkWorksAsync(factory, invitation.Token));
    }

    /// <summary>Adur submitted, Arun in progress, Birmingham and Westminster invited but not started, Worthing not invited.</summary>
    private async Task<int> RoundWithEveryStateAsync()
    {
        var round = await _scenario.OpenRoundAsync("states " + Guid.NewGuid());
        await _scenario.SubmitAsync(await _scenario.InviteAsync(round, Adur, "Alex Smith"));
        await _scenario.StartAsync(await _scenario.InviteAsync(round, Arun, "Ash Patel"));
        await _scenario.InviteAsync(round, Birmingham, "Bo Green");
        await _scenario.WithAsync(sp => sp.GetRequiredService<InvitationService>().CreateAsync(
            new InvitationRequest(round, Westminster, "=HYPERLINK(\"http://evil.example\")", "west@westminster.gov.uk", "Head of data"), "test"));
        return round;
    }

    private static async Task<HttpResponseMessage> UploadAsync(FormClient client, int round, string csv)
    {
        var form = await client.GetPageAsync($"/admin/councils/invite-many?round={round}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(FormClient.TokenOf(form)), "__RequestVerificationToken" },
            { new StringContent(round.ToString(System.Globalization.CultureInfo.InvariantCulture)), "round" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new("text/csv");
        content.Add(file, "file", "people.csv");
        return await client.Http.PostAsync(new Uri("/admin/councils/invite-many", UriKind.Relative), content);
    }

    private static string Row(string code, int round) => $"href=\"/admin/councils/{code}?round={round}\"";

    private static string[] CouncilsOn(string page, int round, params string[] codes) =>
        codes.Where(c => page.Contains(Row(c, round), StringComparison.Ordinal)).ToArray();
}
