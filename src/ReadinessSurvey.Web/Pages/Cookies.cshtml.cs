using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Web.Respond;

namespace ReadinessSurvey.Web.Pages;

/// <summary>The cookies the platform sets and why. Names come from the running configuration, so the page never goes stale.</summary>
public sealed class CookiesModel(IOptionsMonitor<CookieAuthenticationOptions> cookies, IOptions<AntiforgeryOptions> antiforgery) : PageModel
{
    public IReadOnlyList<(string Name, string Purpose, string Expires)> Cookies { get; private set; } = [];

    public void OnGet()
    {
        var respondent = cookies.Get(RespondentAuthentication.Scheme);
        var staff = cookies.Get(IdentityConstants.ApplicationScheme);
        var twoFactor = cookies.Get(IdentityConstants.TwoFactorUserIdScheme);
        Cookies =
        [
            (respondent.Cookie.Name ?? "", "Keeps you signed in to your council's return after you open your invitation link", $"After {Hours(respondent.ExpireTimeSpan)} without using the service, or when you sign out"),
            (antiforgery.Value.Cookie.Name ?? "", "Makes sure the forms you send come from this service, to protect your answers", "When you close your browser"),
            (staff.Cookie.Name ?? "", "LGA policy team only: keeps staff signed in", $"After {Hours(staff.ExpireTimeSpan)} without using the service, or when they sign out"),
            (twoFactor.Cookie.Name ?? "", "LGA policy team only: remembers a sign-in while the authenticator code is entered", $"After {twoFactor.ExpireTimeSpan.TotalMinutes:0} minutes"),
        ];
    }

    private static string Hours(TimeSpan span) => span.TotalHours == 1 ? "1 hour"
        : span.TotalHours >= 24 ? $"{span.TotalDays:0} days" : $"{span.TotalHours:0} hours";
}
