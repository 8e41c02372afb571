using System.ComponentModel.DataAnnotations;

namespace ReadinessSurvey.Web.Accounts;

/// <summary>
/// Sign-in through an organisation's OpenID Connect provider (e.g. Microsoft Entra ID). Off unless an
/// authority and client id are set. Only people already added as users (matched by email) get in; roles
/// stay managed here, so a directory group cannot make someone an admin by accident.
/// </summary>
public sealed class OidcOptions
{
    public const string SectionName = "Authentication:OpenIdConnect";

    [Url]
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The button's label on the sign-in page.</summary>
    [MaxLength(60)]
    public string DisplayName { get; set; } = "your organisation's account";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
