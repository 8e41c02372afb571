using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ReadinessSurvey.Web.Pages.Reports;

/// <summary>The old address of the public reports list: publications now have pages of their own.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectPermanent("/publications");
}
