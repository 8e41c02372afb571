using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Tests.Web.Publishing;

[Collection(SharedPublishedRound.Name)]
public sealed class PublishedApiTests(PublishingFixture fixture)
{
    [Theory]
    [InlineData("/api/v1/rounds")]
    [InlineData("/api/v1/rounds/1/dimensions")]
    [InlineData("/openapi/v1.json")]
    public async Task Anonymous_callers_get_401_with_a_bearer_challenge_not_a_redirect(string path)
    {
        fixture.Factory.EnsureStarted();
        using var client = fixture.Factory.CreateFormClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_council_respondent_gets_401()
    {
        var invitation = await new Scenario(fixture.Factory).InviteAsync(fixture.RoundId, "E06000001", "Resp Ondent");
        using var respondent = fixture.Factory.CreateFormClient();
        await respondent.GetAsync($"/respond/start/{invitation.Token}");
        Assert.Equal(HttpStatusCode.OK, (await respondent.GetAsync("/respond")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await respondent.GetAsync("/api/v1/rounds")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await respondent.GetAsync($"/api/v1/rounds/{fixture.RoundId}/questions")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_analyst_reads_the_published_view_and_nothing_else()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);
        var snapshot = await fixture.Data.WithAsync(async sp => (await sp.GetRequiredService<SnapshotReader>().GetCurrentSnapshotAsync(fixture.RoundId))!);
        var published = SnapshotJson.ReadPublished(snapshot);
        var content = SnapshotJson.ReadContent(snapshot);

        using var rounds = await JsonAsync(analyst, "/api/v1/rounds");
        using var round = await JsonAsync(analyst, $"/api/v1/rounds/{fixture.RoundId}");
        using var rates = await JsonAsync(analyst, $"/api/v1/rounds/{fixture.RoundId}/response-rates");
        using var dimensions = await JsonAsync(analyst, $"/api/v1/rounds/{fixture.RoundId}/dimensions");
        using var questions = await JsonAsync(analyst, $"/api/v1/rounds/{fixture.RoundId}/questions");
        using var maturity = await JsonAsync(analyst, $"/api/v1/rounds/{fixture.RoundId}/maturity");
        var all = string.Join("\n", new[] { rounds, round, rates, dimensions, questions, maturity }.Select(d => d.RootElement.GetRawText()));

        var listed = rounds.RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == fixture.RoundId);
        Assert.Equal(PublishingFixture.Councils, listed.GetProperty("returns").GetInt32());
        Assert.Equal("ai-readiness-2024-25", listed.GetProperty("surveyId").GetString());
        Assert.Equal(published.Threshold, round.RootElement.GetProperty("suppression").GetProperty("threshold").GetInt32());
        Assert.Equal(SnapshotJson.ReadSuppressionLog(snapshot).Count, round.RootElement.GetProperty("suppression").GetProperty("withheldCells").GetInt32());

        // The response rates are the published view's, withheld numbers (null) included.
        var apiRates = rates.RootElement.EnumerateArray().Select(r => (r.GetProperty("breakdown").GetString()!, r.GetProperty("group").GetString()!,
            r.GetProperty("submitted").ValueKind == JsonValueKind.Null ? (int?)null : r.GetProperty("submitted").GetInt32())).ToList();
        Assert.Equal(published.Responses.Rates.Select(r => (r.Breakdown, r.Group, r.Submitted)), apiRates);
        Assert.Contains(apiRates, r => r.Item3 is null);
        Assert.Contains(apiRates, r => r.Item3 is not null);

        // Dimensions in the published view: no minimum or maximum (each is one council's score).
        Assert.Equal(published.Dimensions.Select(d => d.DimensionId), dimensions.RootElement.EnumerateArray().Select(d => d.GetProperty("dimensionId").GetString()));
        Assert.All(dimensions.RootElement.EnumerateArray().SelectMany(d => d.GetProperty("groups").EnumerateArray()), g =>
        {
            Assert.Equal(JsonValueKind.Null, g.GetProperty("scores").GetProperty("min").ValueKind);
            Assert.Equal(JsonValueKind.Null, g.GetProperty("scores").GetProperty("max").ValueKind);
        });
        Assert.Equal(published.Questions.Count, questions.RootElement.GetArrayLength());
        Assert.Equal(published.Maturity.Count, maturity.RootElement.GetArrayLength());

        // Nothing names a council that answered.
        Assert.NotEmpty(content.Councils);
        Assert.All(content.Councils, c => Assert.DoesNotContain(c.Code, all, StringComparison.Ordinal));
        Assert.All(content.Councils, c => Assert.DoesNotContain($"\"{c.Name}\"", all, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_answer_comes_with_its_base_and_number_questions_with_their_statistics_and_the_api_says_how()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);
        using var questions = await JsonAsync(analyst, $"/api/v1/rounds/{fixture.RoundId}/questions");
        using var document = await JsonAsync(analyst, "/openapi/v1.json");
        var byId = questions.RootElement.EnumerateArray().ToDictionary(q => q.GetProperty("questionId").GetString()!);

        // Every published percentage is its count over its own base (issue 14, items 3 and 4).
        var options = byId.Values.Where(q => q.GetProperty("kind").GetString() != "number")
            .SelectMany(q => q.GetProperty("groups").EnumerateArray()).SelectMany(g => g.GetProperty("options").EnumerateArray()).ToList();
        var stated = options.Where(o => o.GetProperty("percent").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(stated);
        Assert.All(stated, o => Assert.Equal(
            Math.Round(100.0 * o.GetProperty("count").GetInt32() / o.GetProperty("base").GetInt32(), 2), o.GetProperty("percent").GetDouble()));

        // C1's adult social care is offered to every type but districts: districts have no percentage, not 0%.
        var c1 = byId["C1"];
        Assert.Contains("adult_social_care", c1.GetProperty("shownToSome").EnumerateArray().Select(v => v.GetString()));
        var districts = c1.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "E07")
            .GetProperty("options").EnumerateArray().Single(o => o.GetProperty("value").GetString() == "adult_social_care");
        Assert.Equal(JsonValueKind.Null, districts.GetProperty("percent").ValueKind);
        Assert.True(districts.GetProperty("base").ValueKind == JsonValueKind.Null || districts.GetProperty("base").GetInt32() == 0);

        // Number questions: n, mean, median and quartiles wherever n is published; never a minimum or maximum.
        var numbers = byId.Values.Where(q => q.GetProperty("kind").GetString() == "number")
            .SelectMany(q => q.GetProperty("groups").EnumerateArray()).Select(g => g.GetProperty("numbers")).ToList();
        // A group whose n is withheld, or that no council answered (n = 0), has no statistics.
        var published = numbers.Where(n => n.GetProperty("n").ValueKind == JsonValueKind.Number && n.GetProperty("n").GetInt32() > 0).ToList();
        Assert.NotEmpty(published);
        foreach (var name in new[] { "mean", "median", "lowerQuartile", "upperQuartile" })
        {
            Assert.All(published, n => Assert.Equal(JsonValueKind.Number, n.GetProperty(name).ValueKind));
            Assert.All(numbers.Except(published), n => Assert.Equal(JsonValueKind.Null, n.GetProperty(name).ValueKind));
        }

        Assert.All(numbers, n => Assert.Equal(JsonValueKind.Null, n.GetProperty("min").ValueKind));
        var description = document.RootElement.GetProperty("paths").GetProperty("/api/v1/rounds/{roundId}/questions").GetProperty("get").GetProperty("description").GetString();
        Assert.Contains("QUARTILE.INC", description, StringComparison.Ordinal);
        Assert.Contains("\"Don't know\" is in the base", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_without_results_or_that_does_not_exist_is_not_found()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);
        var empty = await new Scenario(fixture.Factory).OpenRoundAsync("No results " + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/v1/rounds/{empty}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/api/v1/rounds/99999/dimensions")).StatusCode);
        using var rounds = await JsonAsync(analyst, "/api/v1/rounds");
        Assert.DoesNotContain(rounds.RootElement.EnumerateArray(), r => r.GetProperty("id").GetInt32() == empty);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint_for_team_members()
    {
        using var analyst = await fixture.Factory.SignInAsAsync(PolicyRoles.Analyst);

        using var document = await JsonAsync(analyst, "/openapi/v1.json");

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["/api/v1/rounds", "/api/v1/rounds/{roundId}", "/api/v1/rounds/{roundId}/dimensions", "/api/v1/rounds/{roundId}/maturity", "/api/v1/rounds/{roundId}/questions", "/api/v1/rounds/{roundId}/response-rates"],
            paths.Order(StringComparer.Ordinal));
        Assert.Equal("ReadinessSurvey published aggregates", document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    private static async Task<JsonDocument> JsonAsync(FormClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} gave {(int)response.StatusCode}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
