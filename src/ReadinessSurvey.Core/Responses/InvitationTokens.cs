using System.Security.Cryptography;
using System.Text;

namespace ReadinessSurvey.Responses;

/// <summary>Invitation tokens: 256 random bits, base64url in links; only their SHA-256 is stored.</summary>
public static class InvitationTokens
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    /// <summary>True when the text could be a token; anything else is refused before touching the database.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
