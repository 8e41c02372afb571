using Microsoft.Playwright;

namespace ReadinessSurvey.Tests.Web.Browser;

/// <summary>
/// What a council officer needs to finish the return without help (issue 15): changing an answer that
/// hides questions, the server's own rules, the way back from an unfinished check, the information pages,
/// the profile and the printable record. Every page's title is checked against its h1, and pages are
/// photographed at desktop and phone widths (in <see cref="Screens.Folder"/>, when a run asks for screenshots) to be looked at.
/// </summary>
[Collection(SharedBrowser.Name)]
[Trait("Category", SharedBrowser.Trait)]
public sealed class RespondentFinishingTests(BrowserFixture browser)
{
    private const string Service = " - AI readiness survey";
    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);

    [Fact(Timeout = 900_000)]
    public async Task With_javascript_an_officer_changes_a_routing_answer_finishes_and_keeps_a_record()
    {
        var round = await browser.Scenario.OpenRoundAsync("finishing js " + Guid.NewGuid());
        var alex = await browser.Scenario.InviteAsync(round, "E07000223", "Alex Smith");
        await browser.Scenario.InviteAsync(round, "E07000223", "Priya Shah", "Head of data");
        var respondent = new Respondent(await browser.NewPageAsync(), CheckAsync);
        var page = respondent.Page;

        await respondent.OpenAsync(new Uri(browser.BaseUrl, $"respond/start/{alex.Token}").ToString());
        await Screens.ShootAsync(page, "task-list");
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("The survey closes on", main, StringComparison.Ordinal);
        Assert.Contains("days left", main, StringComparison.Ordinal);
        Assert.Contains("The return takes about 45 minutes", main, StringComparison.Ordinal);
        Assert.Contains("Alex Smith, Head of digital (you)", main, StringComparison.Ordinal);
        Assert.Contains("Priya Shah, Head of data – has not signed in yet", main, StringComparison.Ordinal);
        Assert.Contains("Why the LGA asks", main, StringComparison.Ordinal);
        Assert.Contains("What happens after you submit", main, StringComparison.Ordinal);
        Assert.Contains("ai.readiness@local.gov.uk", main, StringComparison.Ordinal);

        // Check answers on an unfinished return goes back to the task list, which says how much is left.
        await page.GotoAsync("respond/check");
        Assert.EndsWith("/respond?notice=unfinished", page.Url, StringComparison.Ordinal);
        Assert.Matches("You have [0-9]+ sections left to complete", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await CheckAsync(page);
        await Screens.ShootAsync(page, "task-list-unfinished");

        // An error message names what is wrong.
        await page.GotoAsync("respond/section/a");
        await page.GetByLabel("How many staff does your council employ?").FillAsync("lots");
        await respondent.SaveAndContinueAsync();
        Assert.Contains("Enter how many staff your council employs as a number, like 25", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Screens.ShootAsync(page, "section-error");

        // B1 reveals B2 at once; changing B1 back hides it at once, and the save goes through.
        await page.GotoAsync("respond/section/b");
        await page.GetByLabel("Piloting AI").CheckAsync();
        Assert.True(await page.Locator("#q-B2-group").IsVisibleAsync());
        await page.GetByLabel("Generative AI").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
        Assert.Contains("Your answers have been saved", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page);
        await Screens.ShootAsync(page, "task-list-saved");
        await page.GotoAsync("respond/section/b");
        Assert.Contains("Last changed by you", await page.Locator("#q-B1-changed").InnerTextAsync(), StringComparison.Ordinal);
        await Screens.ShootAsync(page, "section-b");
        await page.GetByLabel("Not using AI and no plans to").CheckAsync();
        Assert.False(await page.Locator("#q-B2-group").IsVisibleAsync());
        await respondent.FillPageAsync();
        await respondent.SaveAndContinueAsync();
        Assert.Equal(0, await page.Locator(".govuk-error-summary").CountAsync());

        await respondent.CompleteAsync();
        Assert.Contains("Not used", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Screens.ShootAsync(page, "check-answers");
        await respondent.SubmitAsync();

        // The profile: scores, maturity level, and when comparisons come (no aggregate results yet here).
        var confirmation = await page.Locator("main").InnerTextAsync();
        Assert.Contains("maturity level", confirmation, StringComparison.Ordinal);
        Assert.Contains("Comparisons with other councils become available", confirmation, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("a[download]").CountAsync());
        await Screens.ShootAsync(page, "confirmation");

        // The record: every answer as submitted, who and when, printable.
        await page.GetByRole(AriaRole.Link, new() { Name = "View or print your council's submitted return" }).ClickAsync();
        await CheckAsync(page);
        var record = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Submitted by Alex Smith on", record, StringComparison.Ordinal);
        Assert.Contains("Why is your council not using AI?", record, StringComparison.Ordinal);
        Assert.DoesNotContain("Which types of AI does your council use?", record, StringComparison.Ordinal);
        await Screens.ShootAsync(page, "submitted-return");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".govuk-header").IsVisibleAsync());
        Assert.False(await page.Locator(".govuk-footer").IsVisibleAsync());
        await Screens.SaveAsync(page, "submitted-return-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // After submission, check answers shows the record instead of "before submitting".
        await page.GotoAsync("respond/check");
        Assert.EndsWith("/respond/answers", page.Url, StringComparison.Ordinal);

        // The footer's pages, and the Beta banner's feedback link.
        Assert.StartsWith("mailto:ai.readiness@local.gov.uk", await page.Locator(".govuk-phase-banner a").GetAttributeAsync("href"), StringComparison.Ordinal);
        foreach (var (link, heading) in new[] { ("Privacy", "Privacy notice"), ("Cookies", "Cookies"), ("Accessibility statement", "Accessibility statement"), ("Contact", "Contact the LGA about the survey") })
        {
            await page.Locator(".govuk-footer").GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await CheckAsync(page);
            Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
            await Screens.ShootAsync(page, link.Split(' ')[0].ToLowerInvariant());
            if (link == "Cookies")
            {
                // The cookies page names the cookies the running app sets.
                Assert.Contains("readiness-respondent", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            }
        }

        await page.GotoAsync("/");
        await CheckAsync(page);
        Assert.Equal("AI readiness survey", await page.TitleAsync());
    }

    [Fact(Timeout = 900_000)]
    public async Task Without_javascript_the_server_holds_every_rule_and_a_routing_change_still_saves()
    {
        var round = await browser.Scenario.OpenRoundAsync("finishing no js " + Guid.NewGuid());
        var invitation = await browser.Scenario.InviteAsync(round, "E10000032", "Wes Sussex");
        var respondent = new Respondent(await browser.NewPageAsync(javaScript: false), CheckTitleAsync);
        var page = respondent.Page;
        await respondent.OpenAsync(new Uri(browser.BaseUrl, $"respond/start/{invitation.Token}").ToString());

        // Piloting: the server shows B2 after the save, with its notice.
        await page.GotoAsync("respond/section/b");
        await page.GetByLabel("Piloting AI").CheckAsync();
        await respondent.SaveAndContinueAsync();
        Assert.Contains("We have added questions", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);

        // "Don't know" is exclusive on the server too (without JavaScript nothing unticks the other box).
        await page.GetByLabel("Perceptive AI").CheckAsync();
        await page.GetByLabel("Don't know").First.CheckAsync();
        await respondent.SaveAndContinueAsync();
        Assert.Contains("Select 'Don't know' or other options, not both", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Error: Adoption of AI" + Service, await page.TitleAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Don't know").First.UncheckAsync();
        await respondent.SaveAndContinueAsync();

        // With B2 answered, "Not using AI" hides it: the save succeeds, and B2's answer is kept but not used.
        await page.GotoAsync("respond/section/b");
        await page.GetByLabel("Not using AI and no plans to").CheckAsync();
        await respondent.SaveAndContinueAsync();
        Assert.Equal(0, await page.Locator(".govuk-error-summary").CountAsync());
        Assert.Contains("We have added questions", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByLabel("Skills").First.IsVisibleAsync());

        await respondent.CompleteAsync();
        var check = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Answers that no longer apply", check, StringComparison.Ordinal);
        Assert.Matches("Perceptive AI[^\n]*\\s+Not used", check);
        await respondent.SubmitAsync();
        await page.GotoAsync("respond/answers");
        Assert.DoesNotContain("Perceptive AI", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Theory(Timeout = 300_000)]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Two_colleagues_each_give_their_own_role_and_see_only_their_own(int width)
    {
        var round = await browser.Scenario.OpenRoundAsync($"own role {width} " + Guid.NewGuid());
        var alex = new Respondent(await browser.NewPageAsync(), CheckTitleAsync);
        var sam = new Respondent(await browser.NewPageAsync(), CheckTitleAsync);
        await alex.Page.SetViewportSizeAsync(width, 900);
        await alex.OpenAsync(new Uri(browser.BaseUrl, $"respond/start/{(await browser.Scenario.InviteAsync(round, "E07000223", "Alex Smith")).Token}").ToString());
        await sam.OpenAsync(new Uri(browser.BaseUrl, $"respond/start/{(await browser.Scenario.InviteAsync(round, "E07000223", "Sam Jones")).Token}").ToString());

        foreach (var (person, role) in new[] { (alex, "Digital or IT lead"), (sam, "Data lead") })
        {
            await person.Page.GotoAsync("respond/section/a");
            await person.Page.GetByLabel(role).CheckAsync();
            await person.SaveAndContinueAsync();
        }

        await alex.Page.GotoAsync("respond/section/a");
        await CheckAsync(alex.Page);
        Assert.True(await alex.Page.GetByLabel("Digital or IT lead").IsCheckedAsync());
        Assert.False(await alex.Page.GetByLabel("Data lead").IsCheckedAsync());
        var fieldset = alex.Page.Locator("fieldset", new() { Has = alex.Page.GetByText("What is your role?") });
        var hint = (await fieldset.GetAttributeAsync("aria-describedby"))!.Split(' ').Single(id => id.EndsWith("-personal", StringComparison.Ordinal));
        Assert.StartsWith("This is about you, not the council.", await alex.Page.Locator("#" + hint).InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await alex.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await Screens.SaveAsync(alex.Page, $"own-role-{width}");

        await sam.Page.GotoAsync("respond/section/a");
        Assert.True(await sam.Page.GetByLabel("Data lead").IsCheckedAsync());
    }

    [Theory(Timeout = 120_000)]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_429_page_is_a_styled_page_with_a_title(int width)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        var response = await page.GotoAsync("error?status=429");

        Assert.Equal(200, response!.Status);
        Assert.Equal("Too many attempts to sign in" + Service, await page.TitleAsync());
        Assert.Contains("Wait 1 minute and try again", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await Screens.SaveAsync(page, $"too-many-{width}");
    }

    /// <summary>axe-core, and the title: the h1 then the service name once, and no other page with the same title.</summary>
    private async Task CheckAsync(IPage page)
    {
        await CheckTitleAsync(page);
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    private Task CheckTitleAsync(IPage page) => CheckTitleAsync(page, _titles);

    private static async Task CheckTitleAsync(IPage page, Dictionary<string, string> seen)
    {
        var title = await page.TitleAsync();
        var h1 = (await page.Locator("h1").InnerTextAsync()).Trim();
        var expected = h1 == "AI readiness survey" ? h1 : h1 + Service;
        Assert.Equal(expected, title.StartsWith("Error: ", StringComparison.Ordinal) ? title["Error: ".Length..] : title);
        var path = new Uri(page.Url).AbsolutePath;
        if (seen.TryGetValue(title, out var other))
        {
            Assert.True(other == path, $"'{title}' is the title of both {other} and {path}");
        }

        seen[title] = path;
    }
}
