using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Web.Security;

namespace ReadinessSurvey.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel(SignInRateLimitOptions limits) : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";

    public string Message { get; private set; } = "Try again later.";

    public void OnGet(int? status) => Describe(status);

    // A failed form post (the database unreachable, say) saved nothing of that form; a save is one transaction,
    // so what was saved before stands.
    public void OnPost(int? status) => Describe(status, "Nothing on the form you just sent was saved. Anything you saved before is safe. Try again later.");

    private void Describe(int? status, string? failedPost = null)
    {
        Message = failedPost ?? Message;
        (Title, Message) = status switch
        {
            404 => ("Page not found", "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address."),
            400 => ("Sorry, we could not accept that", "The form you sent was not one this service can take. Go back, reload the page and try again."),
            403 => ("You cannot see this page", "You are signed in, but this page is not part of your council's return."),
            429 => ("Too many attempts to sign in", $"There have been too many attempts to sign in from your connection. Wait {Wait(limits.WindowSeconds)} and try again."),
            _ => (Title, Message),
        };

        if (status == StatusCodes.Status429TooManyRequests)
        {
            Response.Headers.RetryAfter = limits.WindowSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string Wait(int seconds) => seconds switch
    {
        60 => "1 minute",
        _ when seconds % 60 == 0 => $"{seconds / 60} minutes",
        1 => "1 second",
        _ => $"{seconds} seconds",
    };
}
