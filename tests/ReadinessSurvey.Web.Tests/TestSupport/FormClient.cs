using System.Net;
using System.Text.RegularExpressions;

namespace ReadinessSurvey.Tests.Web;

/// <summary>An HTTP client that keeps cookies and posts forms with their antiforgery token, as a browser would.</summary>
public sealed partial class FormClient(HttpClient client) : IDisposable
{
    public HttpClient Http => client;

    public async Task<HttpResponseMessage> GetAsync(string path) => await client.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetPageAsync(string path)
    {
        var response = await GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} gave {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads the page for its antiforgery token, then posts the fields.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        var all = fields.ToList();
        if (withToken)
        {
            var page = await GetPageAsync(path);
            all.Add(new("__RequestVerificationToken", TokenOf(page)));
        }

        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The hidden version field's value for a question on a page.</summary>
    public static string VersionOf(string page, string questionId) =>
        Regex.Match(page, $"name=\"v-{questionId}\" value=\"(\\d+)\"").Groups[1].Value is { Length: > 0 } v ? v : throw new InvalidOperationException($"No version field for {questionId}.");

    public static string TokenOf(string page) =>
        TokenPattern().Match(page).Groups[1].Value is { Length: > 0 } token ? token : throw new InvalidOperationException("The page has no antiforgery token.");

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
