using Microsoft.Extensions.Options;

namespace ReadinessSurvey.Web.Site;

/// <summary>
/// What every page tells people about the service: who to contact, where feedback goes, and the privacy
/// notice. Bound from the "Site" section; each has a default so a new install is complete.
/// </summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>The policy team's address for lost links, reopening a return and questions.</summary>
    public string ContactEmail { get; set; } = "ai.readiness@local.gov.uk";

    /// <summary>Where the Beta banner's feedback link goes; empty means an email to <see cref="ContactEmail"/>.</summary>
    public string? FeedbackUrl { get; set; }

    /// <summary>
    /// The privacy notice, a text file (paragraphs separated by blank lines, "## " headings, "- " list items);
    /// a relative path is taken from the app's content root. The default ships with the app.
    /// </summary>
    public string PrivacyNoticeFile { get; set; } = "Site/privacy-notice.md";

    /// <summary>How long the return usually takes, shown on the task list.</summary>
    public string TimeToComplete { get; set; } = "about 45 minutes";

    /// <summary>The feedback link: the configured address, or an email to the contact address.</summary>
    public string FeedbackHref => string.IsNullOrWhiteSpace(FeedbackUrl)
        ? $"mailto:{ContactEmail}?subject={Uri.EscapeDataString("Feedback on the AI readiness survey")}"
        : FeedbackUrl;
}

/// <summary>Refuses to start with a privacy notice file that is not there, rather than fail on the page.</summary>
internal sealed class SiteOptionsValidator(IWebHostEnvironment environment) : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options)
    {
        var path = Path.Combine(environment.ContentRootPath, options.PrivacyNoticeFile);
        return File.Exists(path)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Site:PrivacyNoticeFile: there is no file at {path}.");
    }
}
