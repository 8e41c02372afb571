using Microsoft.AspNetCore.Identity;

namespace ReadinessSurvey.Accounts;

/// <summary>A member of the policy team. Council respondents are not users: they sign in with invitations.</summary>
public sealed class PolicyUser : IdentityUser
{
    public required string DisplayName { get; set; }

    public DateTime CreatedAt { get; set; }
}
