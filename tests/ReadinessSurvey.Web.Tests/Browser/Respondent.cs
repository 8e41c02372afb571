using Microsoft.Playwright;

namespace ReadinessSurvey.Tests.Web.Browser;

/// <summary>Drives a respondent's pages the way a person would: radios, checkboxes, text, buttons.</summary>
public sealed class Respondent(IPage page, Func<IPage, Task> check)
{
    public IPage Page => page;

    public async Task OpenAsync(string link)
    {
        await page.GotoAsync(link);
        Assert.EndsWith("/respond", page.Url, StringComparison.Ordinal);
        await check(page);
    }

    /// <summary>Answers every unanswered question on the current section page with a plain valid answer (hidden ones are disabled, so skipped).</summary>
    public async Task FillPageAsync()
    {
        foreach (var name in await page.Locator("input[type=radio]:enabled").EvaluateAllAsync<string[]>("els => [...new Set(els.map(e => e.name))]"))
        {
            var group = page.Locator($"input[type=radio][name='{name}']");
            if (await page.Locator($"input[type=radio][name='{name}']:checked").CountAsync() == 0)
            {
                await group.First.CheckAsync();
            }
        }

        foreach (var name in await page.Locator("input[type=checkbox]:enabled").EvaluateAllAsync<string[]>("els => [...new Set(els.map(e => e.name))]"))
        {
            if (await page.Locator($"input[type=checkbox][name='{name}']:checked").CountAsync() == 0)
            {
                await page.Locator($"input[type=checkbox][name='{name}']").First.CheckAsync();
            }
        }

        foreach (var input in await page.Locator("input.govuk-input[type=text]:enabled").AllAsync())
        {
            if ((await input.InputValueAsync()).Length == 0 && !(await input.GetAttributeAsync("name") ?? "").EndsWith("-other", StringComparison.Ordinal))
            {
                await input.FillAsync(await input.GetAttributeAsync("inputmode") == "decimal" ? "5" : "A short answer");
            }
        }

        foreach (var area in await page.Locator("textarea:enabled").AllAsync())
        {
            if ((await area.InputValueAsync()).Length == 0)
            {
                await area.FillAsync("A longer answer, written over <b>two</b> lines.\nSecond line.");
            }
        }
    }

    public async Task SaveAndContinueAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await check(page);
    }

    /// <summary>Works through the task list until every section is complete, then opens the check page.</summary>
    public async Task CompleteAsync()
    {
        for (var guard = 0; guard < 30; guard++)
        {
            await page.GotoAsync("respond");
            var next = page.Locator(".govuk-task-list__item--with-link").Filter(new() { HasNot = page.Locator(".govuk-task-list__status:text-is('Completed')") });
            var link = next.Locator("a.govuk-task-list__link").First;
            var text = await link.InnerTextAsync();
            await link.ClickAsync();
            if (text.StartsWith("Check your answers", StringComparison.Ordinal))
            {
                await check(page);
                return;
            }

            await FillPageAsync();
            await SaveAndContinueAsync();
            if (await page.Locator(".govuk-notification-banner:has-text('We have added questions')").CountAsync() > 0)
            {
                await FillPageAsync();
                await SaveAndContinueAsync();
            }
        }

        Assert.Fail("The return never became ready to check.");
    }

    public async Task SubmitAsync()
    {
        await page.GetByLabel("I confirm that these answers are correct").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit your council's return" }).ClickAsync();
        Assert.EndsWith("/respond/confirmation", page.Url, StringComparison.Ordinal);
        await check(page);
    }
}
