namespace ReadinessSurvey.Web.Accounts;

/// <summary>
/// A code typed from an authenticator app. People type it with spaces or dashes ("123 456"), as apps show
/// it, so only the digits count; it is well formed when there are six.
/// </summary>
public static class AuthenticatorCode
{
    public const int Length = 6;

    /// <summary>The digits of what was typed, in order.</summary>
    public static string Digits(string? typed) => new((typed ?? "").Where(char.IsAsciiDigit).ToArray());

    public static bool IsWellFormed(string? digits) => digits is { Length: Length };
}
