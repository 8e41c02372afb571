namespace ReadinessSurvey.Accounts;

/// <summary>The policy team's roles: analysts read everything; admins also change things.</summary>
public static class PolicyRoles
{
    public const string Admin = "Admin";
    public const string Analyst = "Analyst";

    public static IReadOnlyList<string> All { get; } = [Admin, Analyst];

    /// <summary>The role's canonical spelling, or null when there is no such role.</summary>
    public static string? Parse(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
