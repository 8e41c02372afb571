using Microsoft.Playwright;

namespace ReadinessSurvey.Tests.Web.Browser;

/// <summary>
/// Screenshots for people to look at, and the reflow check (WCAG 1.4.10) at a narrow viewport. Screenshots are
/// taken only when <c>READINESS_SCREENS</c> names a folder (<c>READINESS_SCREENS=/tmp/screens ./test.sh</c>):
/// they are for a person's eyes, not assertions, and a run without them is about a minute shorter.
/// </summary>
public static class Screens
{
    /// <summary>Where screenshots go, or null when this run takes none.</summary>
    public static readonly string? Folder = Environment.GetEnvironmentVariable("READINESS_SCREENS") is { Length: > 0 } folder ? folder : null;

    private const int PartHeight = 1600;

    /// <summary>Full-page screenshots at 1280 and 375 px wide, in <see cref="Folder"/>; leaves the page at 1280.</summary>
    public static async Task ShootAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Folder is null)
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}-{width}.png"), FullPage = true });

            // A long page also in parts a person can read at full size.
            var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
            for (var part = 0; part * PartHeight < height && part < 6; part++)
            {
                var clip = new Clip { X = 0, Y = part * PartHeight, Width = width, Height = Math.Min(PartHeight, height - (part * PartHeight)) };
                await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}-{width}-part{part + 1}.png"), FullPage = true, Clip = clip });
            }
        }

        await page.SetViewportSizeAsync(1280, 720);
    }

    /// <summary>One full-page screenshot at the page's present size, in <see cref="Folder"/>.</summary>
    public static async Task SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Folder is not null)
        {
            Directory.CreateDirectory(Folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}.png"), FullPage = true });
        }
    }

    /// <summary>A screenshot of one element, in <see cref="Folder"/>.</summary>
    public static async Task SaveAsync(ILocator element, string name)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (Folder is not null)
        {
            Directory.CreateDirectory(Folder);
            await element.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}.png") });
        }
    }

    /// <summary>Fails when the page at <paramref name="width"/> px scrolls sideways as a whole (a table may scroll in its own container).</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page, int width = 320)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.SetViewportSizeAsync(width, 800);

        // GOV.UK Frontend's service navigation collapses into its menu button when its media query listener
        // runs, a moment after the resize: give the page up to 2 s to settle before measuring it.
        try
        {
            await page.WaitForFunctionAsync("w => document.documentElement.scrollWidth <= w", width, new() { Timeout = 2000 });
        }
        catch (TimeoutException)
        {
            // Still too wide: measured and reported below.
        }

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var url = page.Url;

        // The elements that stick out, innermost first, to say what to fix.
        var culprits = scrollWidth <= width ? "" : await page.EvaluateAsync<string>(
            "w => [...document.querySelectorAll('body *')].filter(e => !e.parentElement.closest('.app-table-scroll') && e.getBoundingClientRect().right > w + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))" +
            ".slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.') + ' ' + (e.textContent || '').trim().slice(0, 40)).join('; ')" +
            " + ' | beyond the edge: ' + [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().left > w).slice(0, 4).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ' + getComputedStyle(e).position + ' in ' + (e.closest('.app-table-scroll') ? 'a table region' : 'the page')).join('; ')", width);
        await page.SetViewportSizeAsync(1280, 720);
        Assert.True(scrollWidth <= width, $"{url} is {scrollWidth} px wide at a {width} px viewport: {culprits}");
    }
}
