using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ReadinessSurvey.Tests.Web.Browser;

/// <summary>
/// The real app on Kestrel (a loopback port of its own) driven by Chromium through Playwright: one server
/// and one browser for every browser test in the run (the "Browser" collection); each test opens its
/// own browser context, so cookies never leak between tests.
/// </summary>
/// <remarks>
/// The browser is the one named by the environment variable <c>READINESS_CHROMIUM</c>, else Debian's headless
/// shell when installed (<c>/usr/lib/chromium/chromium-headless-shell</c>, what test.sh installs: the same Blink
/// without the desktop browser's own interface, about half the processor time), else Debian's Chromium, else the
/// one Playwright installed itself (<c>playwright install chromium</c>).
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] DebianChromium = ["/usr/lib/chromium/chromium-headless-shell", "/usr/lib/chromium/chromium"];
    private IPlaywright? _playwright;

    public ReadinessWebFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public Scenario Scenario => new(Factory);

    public async Task InitializeAsync()
    {
        // Links the app sends are built from Site:BaseUrl only, so it must be this server's own address.
        var port = AppProcess.FreePort();
        Factory.Settings["Site:BaseUrl"] = $"http://127.0.0.1:{port}/";
        Factory.UseKestrel(port);
        Factory.StartServer();
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
        var chromium = ChromiumPath();
        Assert.True(chromium is null || File.Exists(chromium), $"Chromium is not installed at {chromium} (READINESS_CHROMIUM).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>The browser to start, or null for Playwright's own.</summary>
    private static string? ChromiumPath() =>
        Environment.GetEnvironmentVariable("READINESS_CHROMIUM") is { Length: > 0 } configured ? configured
        : DebianChromium.FirstOrDefault(File.Exists);

    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString(), JavaScriptEnabled = javaScript });
        return await context.NewPageAsync();
    }

    /// <summary>axe-core itself, as Deque's package bundles it.</summary>
    private static readonly string AxeScript = new BundledAxeScriptProvider().GetScript();

    /// <summary>
    /// Runs axe-core on the page and fails with the rules broken, for WCAG 2.2 A and AA. axe runs in the page
    /// itself (<c>axe.run</c>): Deque's Playwright wrapper finishes every scan in a blank page of its own, for
    /// cross-origin frames this app does not have, which made each scan about 1.5 s slower (see testing.md).
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeScript);
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
              resultTypes: ['violations'],
            })).violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
            """);
        var problems = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(problems.Count == 0, $"axe-core found WCAG problems on {page.Url}:\n" + string.Join("\n", problems));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>Every browser test shares one <see cref="BrowserFixture"/>; the trait lets the fast loop leave them out.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";

    /// <summary>The value of the Category trait on browser tests.</summary>
    public const string Trait = "Browser";
}
