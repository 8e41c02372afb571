using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Web.Site;

namespace ReadinessSurvey.Web.Pages;

/// <summary>The privacy notice, read from the configured file (Site:PrivacyNoticeFile) on each request so an edit shows at once.</summary>
public sealed class PrivacyModel(IOptions<SiteOptions> site, IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<NoticeBlock> Blocks { get; private set; } = [];

    public string ContactEmail => site.Value.ContactEmail;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(environment.ContentRootPath, site.Value.PrivacyNoticeFile);
        Blocks = NoticeText.Parse(await System.IO.File.ReadAllTextAsync(path, cancellationToken));
    }
}
