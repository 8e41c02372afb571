using System.Text.RegularExpressions;

namespace ReadinessSurvey.Tests.Web;

/// <summary>
/// One web app with a round of submitted demo returns and its protected snapshot, shared by the classes of the
/// <see cref="SharedPublishedRound"/> collection (the protection is most of its set-up).
/// </summary>
public sealed partial class PublishingFixture : IAsyncLifetime, IDisposable
{
    /// <summary>Enough councils for a view with some response rates published and some withheld.</summary>
    public const int Councils = 10;

    public ReadinessWebFactory Factory { get; } = new();

    public PublishingRound Data { get; private set; } = null!;

    public int RoundId { get; private set; }

    public async Task InitializeAsync() => (Data, RoundId) = await PublishingRound.CreateAsync(Factory, Councils);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Data?.Dispose();
        Factory.Dispose();
    }

    /// <summary>The id at the end of a redirect such as /admin/reports/12.</summary>
    public static long IdIn(HttpResponseMessage redirect)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        var location = redirect.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect: {(int)redirect.StatusCode}. The server's last errors:\n{ServerErrors.Latest()}");
        return long.Parse(TrailingNumber().Match(location).Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Posts to a named handler of a page with the antiforgery token the page itself gave.</summary>
    public static async Task<HttpResponseMessage> PostHandlerAsync(FormClient client, string page, string handler)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = FormClient.TokenOf(await client.GetPageAsync(page));
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await client.Http.PostAsync(new Uri($"{page}?handler={handler}", UriKind.Relative), form);
    }

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingNumber();
}

/// <summary>
/// The classes that read one published round (reports, the API, its tokens): they run one after another, and none
/// changes the round's returns or snapshot.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedPublishedRound : ICollectionFixture<PublishingFixture>
{
    public const string Name = "Published round";
}

/// <summary>One web app per test class for tests that open every round they need themselves: no round up front.</summary>
public sealed class PublishingApp : IDisposable
{
    public PublishingApp() => Data = new PublishingRound(Factory);

    public ReadinessWebFactory Factory { get; } = new();

    public PublishingRound Data { get; }

    /// <summary>
    /// A round published once for the class and shared by the tests that only read it (a class's tests run
    /// one at a time); a test that changes a publication publishes a round of its own.
    /// </summary>
    public Task<(int RoundId, ReadinessSurvey.Publishing.PublishedReport Report)>? Published { get; set; }

    public void Dispose()
    {
        Data.Dispose();
        Factory.Dispose();
    }
}
