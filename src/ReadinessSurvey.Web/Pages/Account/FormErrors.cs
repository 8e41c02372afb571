namespace ReadinessSurvey.Web.Pages.Account;

/// <summary>Errors for a GOV.UK error summary and the inline messages beside each field.</summary>
public sealed class FormErrors : List<(string Field, string Message)>
{
    public void Add(string field, string message) => Add((field, message));

    public string? For(string field) => this.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();
}
