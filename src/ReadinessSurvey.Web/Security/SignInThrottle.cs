using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using ReadinessSurvey.Accounts;

namespace ReadinessSurvey.Web.Security;

/// <summary>
/// Slows password guessing without letting anyone lock a real person out (ASVS 2.2.1, 6.3), and
/// answers the same whether or not the email has an account:
/// <list type="bullet">
/// <item>each client (address) gets <see cref="AccountRules.MaxFailedAttempts"/> failures per email in
/// <see cref="AccountRules.LockoutDuration"/>, after which that client sees the locked page for that email;</item>
/// <item>each email gets <see cref="AccountFailures"/> failures in the same window from browsers that
/// have never signed in as it (about 100 an hour), against guessing spread over many addresses;</item>
/// <item>a browser that has signed in as the person before carries a device cookie and is never held by
/// other clients' failures, so an attacker cannot keep the real person out (OWASP's device cookies).</item>
/// </list>
/// Counts are kept in memory on each node (decision record 0022); unknown emails are counted like known ones.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const int AccountFailures = 25;
    private const string DeviceCookie = "readiness-device";

    private readonly PartitionedRateLimiter<string> _byClient = Failures(AccountRules.MaxFailedAttempts);
    private readonly PartitionedRateLimiter<string> _byAccount = Failures(AccountFailures);
    private readonly IDataProtector _devices;
    private readonly IConfiguration _configuration;

    public SignInThrottle(IDataProtectionProvider protection, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(protection);
        _devices = protection.CreateProtector("ReadinessSurvey.SignInDevice");
        _configuration = configuration;
    }

    /// <summary>True when this client may not try a password for this email now.</summary>
    public bool IsHeld(HttpContext http, string email) =>
        Exhausted(_byClient, ClientKey(http, email)) || (!IsKnownDevice(http, email) && Exhausted(_byAccount, AccountKey(email)));

    /// <summary>Counts a failed password for this client and email.</summary>
    public void Failed(HttpContext http, string email)
    {
        using var byClient = _byClient.AttemptAcquire(ClientKey(http, email));
        if (!IsKnownDevice(http, email))
        {
            using var byAccount = _byAccount.AttemptAcquire(AccountKey(email));
        }
    }

    /// <summary>After a successful sign-in: this browser is known for this person from now on.</summary>
    public void Succeeded(HttpContext http, string email)
    {
        ArgumentNullException.ThrowIfNull(http);
        var cookie = new CookieBuilder { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, Expiration = TimeSpan.FromDays(90) };
        TransportSecurity.Name(cookie, DeviceCookie, _configuration);
        http.Response.Cookies.Append(cookie.Name!, _devices.Protect(AccountKey(email)), cookie.Build(http));
    }

    public void Dispose()
    {
        _byClient.Dispose();
        _byAccount.Dispose();
    }

    private bool IsKnownDevice(HttpContext http, string email)
    {
        var name = SiteAddress.IsHttps(_configuration) ? "__Host-" + DeviceCookie : DeviceCookie;
        if (http.Request.Cookies[name] is not { Length: > 0 } value)
        {
            return false;
        }

        try
        {
            return _devices.Unprotect(value) == AccountKey(email);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private static bool Exhausted(PartitionedRateLimiter<string> limiter, string key) =>
        limiter.GetStatistics(key)?.CurrentAvailablePermits <= 0;

    private static string AccountKey(string email) => email.Trim().ToUpperInvariant();

    private static string ClientKey(HttpContext http, string email) =>
        (http.Connection.RemoteIpAddress?.ToString() ?? "unknown") + "|" + AccountKey(email);

    private static PartitionedRateLimiter<string> Failures(int limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = AccountRules.LockoutDuration,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
