using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Web.Respond;

namespace ReadinessSurvey.Web.Pages.Respond;

public sealed class SignedOutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(RespondentAuthentication.Scheme);
        return RedirectToPage();
    }
}
