using System.Net;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Tests.Web.Admin;

namespace ReadinessSurvey.Tests.Web.Security;

/// <summary>Links come from Site:BaseUrl only, and a Production start without a usable one is refused.</summary>
[Trait("Category", "Slow")]
public sealed class SiteAddressTests : IDisposable
{
    private const string Worthing = "E07000229";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "readiness-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    [Theory]
    [InlineData(null, "http://localhost:5080/respond/start/")]
    [InlineData("http://survey.example.gov.uk", "http://survey.example.gov.uk/respond/start/")]
    public async Task An_invitation_link_never_takes_its_address_from_the_Host_header(string? baseUrl, string expected)
    {
        using var factory = new ReadinessWebFactory();
        if (baseUrl is not null)
        {
            factory.Settings["Site:BaseUrl"] = baseUrl;
        }

        var address = factory.StartOnLoopback();
        var round = await new Scenario(factory).OpenRoundAsync("host header " + Guid.NewGuid());
        var (email, password, key) = await factory.AddUserWithTwoFactorAsync(PolicyRoles.Admin);
        using var admin = LoopbackApp.Client(address, host: "evil.example");
        await admin.SignInWithCodeAsync(email, password, key);

        var response = await admin.PostAsync($"/admin/councils/{Worthing}/invite?round={round}", [new("name", "Jo Bloggs"), new("email", "jo.bloggs@worthing.gov.uk"), new("role", "Chief digital officer")]);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(expected, Workspace.LinkOn(page), StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Site:BaseUrl is not set")]
    [InlineData("http://survey.example.gov.uk/", "must be an https address")]
    [InlineData("survey.example.gov.uk", "must be an absolute http or https address")]
    public async Task A_Production_start_without_a_usable_Site_BaseUrl_is_refused_with_a_clear_message(string? baseUrl, string message)
    {
        var connection = $"Data Source={Path.Combine(_folder, "refused", "readiness.db")};Pooling=False";
        using var web = AppProcess.Web(connection, AppProcess.FreePort(), "Production", new Dictionary<string, string?> { ["Site__BaseUrl"] = baseUrl });

        var exit = await web.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.NotEqual(0, exit);
        Assert.Contains("ReadinessSurvey did not start: ", web.Output, StringComparison.Ordinal);
        Assert.Contains(message, web.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Production_start_with_an_https_Site_BaseUrl_serves()
    {
        var connection = $"Data Source={Path.Combine(_folder, "served", "readiness.db")};Pooling=False";
        var port = AppProcess.FreePort();
        using var web = AppProcess.Web(connection, port, "Production", new Dictionary<string, string?> { ["Site__BaseUrl"] = "https://survey.example.gov.uk/" });

        await web.WaitUntilHealthyAsync(port, TimeSpan.FromMinutes(3));
    }
}
