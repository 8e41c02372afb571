using Xunit.Sdk;

namespace ReadinessSurvey.Tests.Web.Browser;

/// <summary>The axe-core check every browser test relies on fails on a page that breaks WCAG, and says what and where.</summary>
[Collection(SharedBrowser.Name)]
[Trait("Category", SharedBrowser.Trait)]
public sealed class AccessibilityCheckTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_check_fails_on_an_image_without_alternative_text_and_faint_text_and_names_them()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><img id="chart" src="data:image/png;base64,iVBORw0KGgo="><p id="faint" style="color:#ddd;background:#fff">Faint text</p></main></body></html>
            """);

        var failure = await Assert.ThrowsAsync<TrueException>(() => BrowserFixture.AssertAccessibleAsync(page));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#chart", failure.Message, StringComparison.Ordinal);
        Assert.Contains("color-contrast", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#faint", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_passes_a_plain_accessible_page_and_can_run_twice_on_it()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Plain</title></head>
            <body><main><h1>Plain</h1><p>Readable text.</p></main></body></html>
            """);

        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"));
    }
}
