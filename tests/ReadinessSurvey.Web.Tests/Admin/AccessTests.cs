using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Tests.Web.Admin;

/// <summary>
/// Sweeps every policy-team page and API endpoint the app maps, so a page added later is covered without
/// anyone remembering to add a test: anonymous users and council respondents are refused everything;
/// analysts may read but not post (except pages marked for analysts); admin-only pages refuse analysts.
/// </summary>
public sealed class AccessTests : IClassFixture<AccessTests.Fixture>
{
    /// <summary>Pages analysts may not even read.</summary>
    private static readonly string[] AdminOnlyPages = ["/admin/audit"];

    private readonly Fixture _fixture;

    public AccessTests(Fixture fixture) => _fixture = fixture;

    public static TheoryData<string> ProtectedPaths() => new(Fixture.ProtectedPaths());

    [Theory]
    [MemberData(nameof(ProtectedPaths))]
    public async Task Anonymous_users_are_refused(string path)
    {
        using var client = _fixture.Factory.CreateFormClient();

        var get = await client.GetAsync(path);
        var post = await client.PostAsync(path, [], withToken: false);

        AssertRefused(get, path);
        AssertRefused(post, path);
    }

    [Theory]
    [MemberData(nameof(ProtectedPaths))]
    public async Task Council_respondents_are_refused(string path)
    {
        var client = await _fixture.RespondentAsync();

        AssertRefused(await client.GetAsync(path), path);
    }

    [Theory]
    [MemberData(nameof(ProtectedPaths))]
    public async Task Analysts_read_but_cannot_change_anything(string path)
    {
        var analyst = await _fixture.AnalystAsync();
        var page = await analyst.GetAsync(path);
        if (AdminOnlyPages.Any(p => path.StartsWith(p, StringComparison.Ordinal)) || path.StartsWith("/hangfire", StringComparison.Ordinal))
        {
            AssertRefused(page, path);
            return;
        }

        Assert.True(page.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"Analyst GET {path} gave {(int)page.StatusCode}");
        // Their own account's forms (/account) are theirs to use; the API is read-only.
        if (!path.StartsWith("/admin", StringComparison.Ordinal) || _fixture.AnalystsMayPost(path))
        {
            return;
        }

        // A post with a valid antiforgery token, so only the role can refuse it.
        var token = await Fixture.TokenAsync(analyst);
        var post = await analyst.Http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        AssertRefused(post, path);
    }

    [Theory]
    [MemberData(nameof(ProtectedPaths))]
    public async Task Admins_can_open_every_page(string path)
    {
        var admin = await _fixture.AdminAsync();

        var page = await admin.GetAsync(path);

        Assert.True(page.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"Admin GET {path} gave {(int)page.StatusCode}");
    }

    [Fact]
    public void The_sweep_covers_the_workspace()
    {
        var paths = Fixture.ProtectedPaths().ToList();

        Assert.Contains("/admin", paths);
        Assert.Contains("/account", paths);
        Assert.Contains("/hangfire", paths);
    }

    private static void AssertRefused(HttpResponseMessage response, string path)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var refused = status is 401 or 403 or 400
            || (status == 302 && (location.Contains("/account/sign-in", StringComparison.Ordinal) || location.Contains("/account/access-denied", StringComparison.Ordinal)));
        Assert.True(refused, $"{response.RequestMessage?.Method} {path} gave {status} {location}");
    }

    public sealed class Fixture : IAsyncLifetime, IDisposable
    {
        private FormClient? _analyst;
        private FormClient? _admin;
        private FormClient? _respondent;

        public ReadinessWebFactory Factory { get; } = new();

        public int RoundId { get; private set; }

        /// <summary>Every policy-team path: pages under /admin and /account (but the sign-in steps), the API, and the job dashboard.</summary>
        public static IEnumerable<string> ProtectedPaths()
        {
            using var factory = new ReadinessWebFactory();
            factory.EnsureStarted();
            var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
            var open = new[] { "/account/sign-in", "/account/two-factor", "/account/recovery-code", "/account/locked", "/account/access-denied", "/account/external", "/account/signed-out" };
            var paths = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
                .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
                .Where(p => p.StartsWith("/admin", StringComparison.Ordinal) || p.StartsWith("/account", StringComparison.Ordinal) || p.StartsWith("/api/", StringComparison.Ordinal))
                .Where(p => !open.Any(o => p == o || p.StartsWith(o + "/", StringComparison.Ordinal)))
                .Select(Fill)
                .Append("/hangfire")
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            return paths;
        }

        public bool AnalystsMayPost(string path)
        {
            var sources = Factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
            return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
                .Where(e => Fill("/" + (e.RoutePattern.RawText ?? "").TrimStart('/')) == path)
                .SelectMany(e => e.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>())
                .Any(d => d.HandlerTypeInfo.IsDefined(typeof(ReadinessSurvey.Web.Accounts.AnalystsMayPostAttribute), true));
        }

        public async Task<FormClient> AnalystAsync() => _analyst ??= await Factory.SignInAsAsync(PolicyRoles.Analyst);

        public async Task<FormClient> AdminAsync() => _admin ??= await Factory.SignInAsAsync(PolicyRoles.Admin);

        public async Task<FormClient> RespondentAsync()
        {
            if (_respondent is null)
            {
                var invitation = await new Scenario(Factory).InviteAsync(RoundId);
                _respondent = Factory.CreateFormClient();
                await _respondent.GetAsync($"/respond/start/{invitation.Token}");
            }

            return _respondent;
        }

        /// <summary>A valid antiforgery token for the client's session, from a page every team member can open.</summary>
        public static async Task<string> TokenAsync(FormClient client) => FormClient.TokenOf(await client.GetPageAsync("/account/sign-out"));

        public async Task InitializeAsync() => RoundId = await new Scenario(Factory).OpenRoundAsync();

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose()
        {
            _analyst?.Dispose();
            _admin?.Dispose();
            _respondent?.Dispose();
            Factory.Dispose();
        }

        /// <summary>Route parameters filled with values that exist in the fixture's database (round 1, a registered council, record 1).</summary>
        private static string Fill(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^}:?]+)[^}]*\}", m => m.Groups[1].Value.ToLowerInvariant() switch
        {
            "code" or "council" or "councilcode" => "E07000223",
            "kind" => "sector",
            _ => "1",
        }).TrimEnd('/');
    }
}
