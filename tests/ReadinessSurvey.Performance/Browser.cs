using System.Net;
using System.Text.RegularExpressions;

namespace ReadinessSurvey.Performance;

/// <summary>One person's HTTP client: their own cookies, no automatic redirects, forms posted with their antiforgery token.</summary>
internal sealed partial class Browser(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<HttpResponseMessage> GetAsync(string path) => await _client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>A page that must answer 200.</summary>
    public async Task<string> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        return await response.Content.ReadAsStringAsync();
    }

    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>Signs in to the policy team's pages through the real form.</summary>
    public async Task SignInAsync(string email, string password)
    {
        var token = TokenOf(await PageAsync("account/sign-in"));
        using var response = await PostAsync("account/sign-in", [new("email", email), new("password", password), new("__RequestVerificationToken", token)]);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}, not a redirect.");
        }
    }

    public static string TokenOf(string page) =>
        TokenPattern().Match(page).Groups[1].Value is { Length: > 0 } token ? token : throw new InvalidOperationException("The page has no antiforgery token.");

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
