using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ReadinessSurvey.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
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
            _ => (Title, Message),
        };
    }
}
