using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Accounts;

/// <summary>
/// Makes, lists, revokes and checks personal API tokens. A token is "rs_" and 256 random bits in
/// base64url (the prefix lets secret scanners and people recognise it); only its SHA-256 hash is stored.
/// </summary>
public sealed class ApiTokenService(ReadinessDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Prefix = "rs_";

    /// <summary>How long a new token may last, in days.</summary>
    public static IReadOnlyList<int> Lifetimes { get; } = [30, 90, 365];

    // Writing on every call would queue API reads behind SQLite's single writer; this often is enough to see use.
    private static readonly TimeSpan UseRecordInterval = TimeSpan.FromMinutes(5);

    /// <summary>Makes a token for the user and returns it with its secret, which is never shown again.</summary>
    /// <exception cref="ArgumentException">The name is empty or too long, or the lifetime is not one of <see cref="Lifetimes"/>.</exception>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(PolicyUser owner, string? name, int days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            throw new ArgumentException("Enter a name for the token of up to 100 characters, like \"R notebook\".", nameof(name));
        }

        if (!Lifetimes.Contains(days))
        {
            throw new ArgumentException($"Choose how long the token lasts: {string.Join(", ", Lifetimes)} days.", nameof(days));
        }

        var secret = Prefix + InvitationTokens.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            UserId = owner.Id,
            Name = name,
            TokenHash = InvitationTokens.Hash(secret),
            Hint = secret[^4..],
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.ApiTokens.Add(token);
        audit.Record(owner.Email ?? owner.UserName ?? owner.Id, "api-token.created", $"api-token:{name}", $"expires {token.ExpiresAt:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The user's tokens, newest first, revoked and expired ones included.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>One of the user's own tokens, or null (another person's token is never found).</summary>
    public Task<ApiToken?> FindAsync(string userId, long tokenId, CancellationToken cancellationToken = default) =>
        db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);

    /// <summary>Revokes one of the user's own tokens at once; false when there is no such token or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(PolicyUser owner, long tokenId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == owner.Id, cancellationToken);
        if (token is null || token.RevokedAt is not null)
        {
            return false;
        }

        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(owner.Email ?? owner.UserName ?? owner.Id, "api-token.revoked", $"api-token:{token.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The active token with this secret, or null; anything malformed is refused before the database is asked.</summary>
    public async Task<ApiToken?> CheckAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal) || !InvitationTokens.LooksValid(secret[Prefix.Length..]))
        {
            return null;
        }

        var hash = InvitationTokens.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || !token.IsActive(now))
        {
            return null;
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt > UseRecordInterval)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return token;
    }
}
