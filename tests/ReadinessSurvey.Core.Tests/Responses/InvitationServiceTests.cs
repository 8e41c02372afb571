using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Councils;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Responses;

[Trait("Category", "Database")]
public sealed class InvitationServiceTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Create_stores_only_the_hash_of_a_256_bit_token_and_expires_with_the_round()
    {
        var roundId = await ArrangeRoundAsync();
        await using var db = _database.CreateContext();

        var issued = await Service(db).CreateAsync(new InvitationRequest(roundId, "E07000223", "Alex Smith", "alex@adur.gov.uk", "Head of digital"), "test");

        Assert.True(InvitationTokens.LooksValid(issued.Token));
        Assert.Equal(32, Convert.FromBase64String(issued.Token.Replace('-', '+').Replace('_', '/') + "=").Length);
        await using var check = _database.CreateContext();
        var stored = await check.Invitations.SingleAsync();
        Assert.Equal(InvitationTokens.Hash(issued.Token), stored.TokenHash);
        Assert.DoesNotContain(issued.Token, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc), stored.ExpiresAt);
        Assert.Contains(await check.AuditEvents.ToListAsync(), e => e.Action == "invitation.created" && !(e.Details ?? "").Contains(issued.Token, StringComparison.Ordinal));
    }

    [Fact]
    public void Tokens_are_unique()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => InvitationTokens.NewToken()).ToHashSet();

        Assert.Equal(1000, tokens.Count);
    }

    [Fact]
    public async Task Create_many_checks_everything_first_and_creates_none_when_any_is_wrong()
    {
        var roundId = await ArrangeRoundAsync();
        await using var db = _database.CreateContext();

        var error = await Assert.ThrowsAsync<InvitationException>(() => Service(db).CreateManyAsync(
        [
            new InvitationRequest(roundId, "E07000223", "Alex Smith", "alex@adur.gov.uk", "Head of digital", "invites.csv: line 2"),
            new InvitationRequest(roundId, "E99999999", "Nobody", "nobody@example.gov.uk", "Role", "invites.csv: line 3"),
            new InvitationRequest(roundId, "E07000223", "", "not-an-email", "", "invites.csv: line 4"),
            new InvitationRequest(roundId + 100, "E07000223", "Sam", "sam@adur.gov.uk", "Role", "invites.csv: line 5"),
        ], "test"));

        Assert.Contains(error.Errors, e => e.StartsWith("invites.csv: line 3", StringComparison.Ordinal) && e.Contains("E99999999", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("invites.csv: line 4", StringComparison.Ordinal) && e.Contains("name", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("invites.csv: line 4", StringComparison.Ordinal) && e.Contains("'not-an-email'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("invites.csv: line 5", StringComparison.Ordinal) && e.Contains("no round", StringComparison.Ordinal));
        await using var check = _database.CreateContext();
        Assert.Equal(0, await check.Invitations.CountAsync());
    }

    [Fact]
    public async Task Revoked_expired_and_reissued_tokens_stop_working()
    {
        var roundId = await ArrangeRoundAsync();
        await using var db = _database.CreateContext();
        var service = Service(db);
        var first = await service.CreateAsync(new InvitationRequest(roundId, "E07000223", "Alex Smith", "alex@adur.gov.uk", "Head of digital"), "test");
        var second = await service.CreateAsync(new InvitationRequest(roundId, "E07000223", "Sam Jones", "sam@adur.gov.uk", "DPO"), "test");
        Assert.NotNull(await service.FindUsableAsync(first.Token));

        await service.RevokeAsync(first.Invitation.Id, "test");
        var reissued = await service.ReissueAsync(second.Invitation.Id, "test");

        Assert.Null(await service.FindUsableAsync(first.Token));
        Assert.Null(await service.FindUsableAsync(second.Token));
        Assert.NotNull(await service.FindUsableAsync(reissued.Token));
        Assert.Null(await service.FindUsableAsync("not a token"));
        Assert.Null(await service.FindUsableAsync(InvitationTokens.NewToken()));

        _clock.SetUtcNow(new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.Null(await service.FindUsableAsync(reissued.Token));
    }

    [Fact]
    public async Task Csv_import_reads_each_row_with_its_line()
    {
        var path = Path.Combine(_database.Folder, "invites.csv");
        await File.WriteAllLinesAsync(path, ["council_code,name,email,role", "E07000223,Alex Smith,alex@adur.gov.uk,Head of digital", "E10000032,\"Jones, Sam\",sam@westsussex.gov.uk,DPO"]);

        var requests = InvitationCsv.Read(path, 7);

        Assert.Equal(2, requests.Count);
        Assert.Equal(new InvitationRequest(7, "E10000032", "Jones, Sam", "sam@westsussex.gov.uk", "DPO", $"{path}: line 3"), requests[1]);
    }

    [Fact]
    public void Csv_import_without_the_columns_names_them()
    {
        var path = Path.Combine(_database.Folder, "bad.csv");
        File.WriteAllLines(path, ["code,who", "E07000223,Alex"]);

        var error = Assert.Throws<InvitationException>(() => InvitationCsv.Read(path, 1));

        Assert.Contains("missing column(s) council_code, name, email, role", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reissue_many_gives_every_invitation_a_new_link_or_none_when_one_is_missing()
    {
        var roundId = await ArrangeRoundAsync();
        await using var db = _database.CreateContext();
        var service = Service(db);
        var first = await service.CreateAsync(new InvitationRequest(roundId, "E07000223", "Alex Smith", "alex@adur.gov.uk", "Head of digital"), "test");
        var second = await service.CreateAsync(new InvitationRequest(roundId, "E10000032", "Sam Jones", "sam@westsussex.gov.uk", "DPO"), "test");

        await using (var other = _database.CreateContext())
        {
            await Assert.ThrowsAsync<InvitationException>(() => Service(other).ReissueManyAsync([first.Invitation.Id, 999], "test"));
        }

        await using var fresh = _database.CreateContext();
        Assert.NotNull(await Service(fresh).FindUsableAsync(first.Token));
        await using var reissuing = _database.CreateContext();
        var issued = await Service(reissuing).ReissueManyAsync([first.Invitation.Id, second.Invitation.Id], "test");

        Assert.Equal(["E07000223", "E10000032"], issued.Select(i => i.CouncilCode));
        Assert.Null(await service.FindUsableAsync(first.Token));
        Assert.Null(await service.FindUsableAsync(second.Token));
        Assert.All(issued, i => Assert.True(InvitationTokens.LooksValid(i.Token)));
        Assert.NotNull(await Service(reissuing).FindUsableAsync(issued[1].Token));
        await using var check = _database.CreateContext();
        Assert.Equal(2, await check.AuditEvents.CountAsync(e => e.Action == "invitation.reissued"));
    }

    [Fact]
    public void Mail_merge_lines_quote_every_field_and_keep_formulas_as_text()
    {
        var line = MailMergeCsv.Line("E07000223", "=HYPERLINK(\"x\")", "+44 1234", "Jones, Sam", null);

        Assert.Equal("\"E07000223\",\"'=HYPERLINK(\"\"x\"\")\",\"'+44 1234\",\"Jones, Sam\",\"\"", line);
    }

    [Fact]
    public void Csv_import_reads_an_uploaded_file_and_names_it_in_errors()
    {
        using var reader = new StringReader("council_code,name,email,role\nE07000223,Alex Smith,alex@adur.gov.uk,Head of digital\n");
        using var empty = new StringReader("council_code,name,email,role\n");

        var requests = InvitationCsv.Read(reader, "upload.csv", 3);
        var error = Assert.Throws<InvitationException>(() => InvitationCsv.Read(empty, "upload.csv", 3));

        Assert.Equal(new InvitationRequest(3, "E07000223", "Alex Smith", "alex@adur.gov.uk", "Head of digital", "upload.csv: line 2"), Assert.Single(requests));
        Assert.Equal("upload.csv: the file has no invitations.", Assert.Single(error.Errors));
    }

    public void Dispose() => _database.Dispose();

    private InvitationService Service(ReadinessSurvey.Data.ReadinessDbContext db) => new(db, new AuditLog(db, _clock), _clock);

    private async Task<int> ArrangeRoundAsync()
    {
        await using var db = _database.CreateContext();
        return await Rounds.OpenDefaultAsync(db, _clock, new DefinitionCache(), new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc));
    }
}
