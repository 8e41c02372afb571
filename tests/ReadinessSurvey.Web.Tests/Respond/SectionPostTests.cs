using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Tests.Web.Respond;

[Trait("Category", "Database")]
public sealed class SectionPostTests : IClassFixture<ReadinessWebFactory>
{
    private readonly ReadinessWebFactory _factory;
    private readonly Scenario _scenario;

    public SectionPostTests(ReadinessWebFactory factory)
    {
        _factory = factory;
        _scenario = new Scenario(factory);
    }

    [Fact]
    public async Task Valid_answers_are_saved_with_who_changed_them()
    {
        var (client, round) = await SignInAsync();

        var response = await client.PostAsync("/respond/section/a", [new("v-A2", "0"), new("q-A2", "digital_lead"), new("v-A3", "0"), new("q-A3", "1,250"), new("next", "later")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync("/respond/section/a");
        Assert.Contains("value=\"1250\"", page, StringComparison.Ordinal);
        Assert.Contains("Last changed by you on", page, StringComparison.Ordinal);

        // A3 is the council's answer; A2 (the respondent's role) is kept as this person's own.
        Assert.Equal(1, await CountAnswersAsync(round));
        Assert.Equal(1, await _scenario.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().ContributorAnswers.CountAsync(a => a.Contributor!.Return!.RoundId == round && a.QuestionId == "A2")));
        client.Dispose();
    }

    [Theory]
    [InlineData("q-A2", "not_an_option", "Select an option from the list")]
    [InlineData("q-A3", "ten", "Enter how many staff your council employs as a number, like 25")]
    [InlineData("q-A3", "-4", "")]
    public async Task Invalid_answers_show_an_error_summary_and_save_nothing(string field, string value, string message)
    {
        var (client, round) = await SignInAsync();
        var fields = new List<KeyValuePair<string, string>> { new("v-A2", "0"), new("v-A3", "0"), new("q-A2", "digital_lead") };
        fields.RemoveAll(f => f.Key == field);
        fields.Add(new(field, value));

        var response = await client.PostAsync("/respond/section/a", fields);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{field}\"", page, StringComparison.Ordinal);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.StartsWith("<title>Error: ", page[page.IndexOf("<title>", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(0, await CountAnswersAsync(round));
        client.Dispose();
    }

    [Fact]
    public async Task A_megabyte_of_text_is_refused_and_nothing_is_saved()
    {
        var (client, round) = await SignInAsync();
        await client.PostAsync("/respond/section/b", [new("v-B1", "0"), new("q-B1", "live_many"), new("next", "later")]);
        var before = await CountAnswersAsync(round);

        var response = await client.PostAsync("/respond/section/c", [new("v-C2", "0"), new("q-C2", new string('x', 1024 * 1024))]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("characters or fewer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAnswersAsync(round));
        client.Dispose();
    }

    [Theory]
    [InlineData("q-ZZ9", "x")]
    [InlineData("q-B1", "piloting")]
    [InlineData("v-A2", "not-a-number")]
    [InlineData("contributorId", "1")]
    public async Task Tampered_posts_get_a_clear_error_and_change_nothing(string field, string value)
    {
        var (client, round) = await SignInAsync();
        var fields = new List<KeyValuePair<string, string>> { new("v-A3", "0"), new("q-A3", "100"), new("v-A2", "0"), new("q-A2", "digital_lead") };
        fields.RemoveAll(f => f.Key == field);
        fields.Add(new(field, value));

        var response = await client.PostAsync("/respond/section/a", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing was saved", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAnswersAsync(round));
        client.Dispose();
    }

    [Fact]
    public async Task Hidden_option_for_a_district_is_refused()
    {
        var (client, round) = await SignInAsync();
        await client.PostAsync("/respond/section/b", [new("v-B1", "0"), new("q-B1", "live_many"), new("next", "later")]);
        var before = await CountAnswersAsync(round);

        var page = await client.GetPageAsync("/respond/section/c");
        var response = await client.PostAsync("/respond/section/c", [new("v-C1", "0"), new("q-C1", "adult_social_care")]);

        Assert.DoesNotContain("value=\"adult_social_care\"", page, StringComparison.Ordinal);
        Assert.Contains("Select an option from the list", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAnswersAsync(round));
        client.Dispose();
    }

    [Fact]
    public async Task A_save_based_on_a_stale_page_is_refused_and_shows_both_answers()
    {
        var (alex, round) = await SignInAsync();
        var sam = _factory.CreateFormClient();
        await sam.GetAsync($"/respond/start/{(await _scenario.InviteAsync(round, name: "Sam Jones", role: "Data protection officer")).Token}");
        var samsPage = await sam.GetPageAsync("/respond/section/a");

        await alex.PostAsync("/respond/section/a", [new("v-A3", "0"), new("q-A3", "250"), new("next", "later")]);
        var response = await sam.PostAsync("/respond/section/a", [new("v-A3", FormClient.VersionOf(samsPage, "A3")), new("q-A3", "300")]);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Alex Smith changed this answer", page, StringComparison.Ordinal);
        Assert.Contains("Their answer: 250 staff", page, StringComparison.Ordinal);
        Assert.Contains("Your answer: 300 staff", page, StringComparison.Ordinal);
        Assert.Equal(250m, await NumberAsync(round, "A3"));

        // Saving again from the conflict page is a deliberate overwrite.
        var again = await sam.PostAsync("/respond/section/a", [new("v-A3", FormClient.VersionOf(page, "A3")), new("q-A3", "300"), new("next", "later")]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(300m, await NumberAsync(round, "A3"));
        alex.Dispose();
        sam.Dispose();
    }

    [Fact]
    public async Task Display_logic_adds_questions_to_the_page_after_a_save()
    {
        var (client, _) = await SignInAsync();
        var before = await client.GetPageAsync("/respond/section/b");

        var response = await client.PostAsync("/respond/section/b", [new("v-B1", "0"), new("q-B1", "piloting"), new("v-B5", "0")]);
        var after = await response.Content.ReadAsStringAsync();

        // Hidden questions wait on the page, hidden and disabled, for JavaScript to reveal.
        Assert.Contains("id=\"q-B2-group\" hidden=\"hidden\"", before, StringComparison.Ordinal);
        Assert.Contains("We have added questions to this page", after, StringComparison.Ordinal);
        Assert.Contains("id=\"q-B2-group\" data-reveal-when=\"q-B1\" data-reveal-values=\"piloting live_some live_many\"", after, StringComparison.Ordinal);
        Assert.Contains("id=\"q-B3-group\" hidden=\"hidden\"", after, StringComparison.Ordinal);
        client.Dispose();
    }

    [Fact]
    public async Task A_crafted_answer_to_a_hidden_question_is_not_stored()
    {
        var (client, round) = await SignInAsync();
        await client.PostAsync("/respond/section/b", [new("v-B1", "0"), new("q-B1", "no_use"), new("next", "later")]);

        var response = await client.PostAsync("/respond/section/b", [new("v-B4", "0"), new("q-B4", "7"), new("next", "later")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await CountAnswersAsync(round));
        Assert.Equal("no_use", await ChoiceAsync(round, "B1"));
        client.Dispose();
    }

    [Fact]
    public async Task A_crafted_dont_know_with_another_option_is_refused()
    {
        var (client, round) = await SignInAsync();

        var response = await client.PostAsync("/respond/section/b",
            [new("v-B1", "0"), new("q-B1", "piloting"), new("v-B2", "0"), new("q-B2", "perceptive"), new("q-B2", "dont_know")]);

        Assert.Contains("Select &#x27;Don&#x27;t know&#x27; or other options, not both", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAnswersAsync(round));
        client.Dispose();
    }

    private async Task<(FormClient Client, int Round)> SignInAsync()
    {
        var round = await _scenario.OpenRoundAsync("section " + Guid.NewGuid());
        var invitation = await _scenario.InviteAsync(round);
        var client = _factory.CreateFormClient();
        await client.GetAsync($"/respond/start/{invitation.Token}");
        return (client, round);
    }

    private Task<int> CountAnswersAsync(int round) =>
        _scenario.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().Answers.CountAsync(a => a.Return!.RoundId == round));

    [Fact]
    public async Task Each_colleague_answers_the_role_question_for_themselves()
    {
        var (alex, round) = await SignInAsync();
        var sam = _factory.CreateFormClient();
        await sam.GetAsync($"/respond/start/{(await _scenario.InviteAsync(round, name: "Sam Jones", role: "Data protection officer")).Token}");
        var samsPage = await sam.GetPageAsync("/respond/section/a");

        var alexSaved = await alex.PostAsync("/respond/section/a", [new("v-A2", "0"), new("q-A2", "digital_lead"), new("next", "later")]);
        var samSaved = await sam.PostAsync("/respond/section/a", [new("v-A2", FormClient.VersionOf(samsPage, "A2")), new("q-A2", "information_governance"), new("next", "later")]);

        Assert.Equal(HttpStatusCode.Redirect, alexSaved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, samSaved.StatusCode);
        var alexsPage = await alex.GetPageAsync("/respond/section/a");
        var samsAfter = await sam.GetPageAsync("/respond/section/a");
        Assert.Matches("value=\"digital_lead\" checked", alexsPage);
        Assert.Matches("value=\"information_governance\" checked", samsAfter);
        Assert.DoesNotContain("value=\"information_governance\" checked", alexsPage, StringComparison.Ordinal);
        Assert.Contains("This is about you, not the council.", alexsPage, StringComparison.Ordinal);
        alex.Dispose();
        sam.Dispose();
    }

    private async Task<decimal?> NumberAsync(int round, string questionId) =>
        ReadinessSurvey.Surveys.AnswerValue.FromJson(await _scenario.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().Answers
            .Where(a => a.Return!.RoundId == round && a.QuestionId == questionId).Select(a => a.ValueJson).SingleAsync()))?.Number;

    private async Task<string?> ChoiceAsync(int round, string questionId) =>
        ReadinessSurvey.Surveys.AnswerValue.FromJson(await _scenario.WithAsync(sp => sp.GetRequiredService<ReadinessDbContext>().Answers
            .Where(a => a.Return!.RoundId == round && a.QuestionId == questionId).Select(a => a.ValueJson).SingleAsync()))?.Options?.SingleOrDefault();
}
