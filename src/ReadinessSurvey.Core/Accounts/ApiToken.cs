namespace ReadinessSurvey.Accounts;

/// <summary>
/// A personal API token of a policy-team member, for their own tools. The secret is shown once when it
/// is made; only its SHA-256 hash is kept. A request with the token acts as its owner, with the owner's
/// roles at the time of the request.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    /// <summary>The owner's Identity user id.</summary>
    public required string UserId { get; set; }

    /// <summary>What the owner called it, e.g. "R notebook".</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the whole token, lowercase hex.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The token's last four characters, so its owner can tell tokens apart.</summary>
    public required string Hint { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>When the token was last accepted (updated at most every few minutes).</summary>
    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public bool IsActive(DateTime now) => RevokedAt is null && ExpiresAt > now;
}
