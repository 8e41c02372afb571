using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ReadinessSurvey.Web.Security;

/// <summary>
/// Limits sign-in attempts per client address: guessing passwords, codes or invitation tokens gets HTTP 429.
/// Staff sign-in and invitation links are limited separately, so a council office sharing one address
/// on deadline day does not lock the policy team out, nor the other way round.
/// </summary>
public sealed class SignInRateLimitOptions
{
    public const string SectionName = "SignInRateLimit";

    /// <summary>Staff sign-in pages (password, authenticator code, recovery code).</summary>
    public const string Policy = "sign-in";

    /// <summary>Respondents opening invitation links.</summary>
    public const string InvitationPolicy = "invitation";

    /// <summary>Staff sign-in attempts allowed per client in each window.</summary>
    public int PermitLimit { get; set; } = 10;

    /// <summary>Invitation links opened per client in each window.</summary>
    public int InvitationPermitLimit { get; set; } = 10;

    /// <summary>The window's length in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;
}

internal static class SignInRateLimit
{
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SignInRateLimitOptions.SectionName).Get<SignInRateLimitOptions>() ?? new SignInRateLimitOptions();
        services.AddSingleton(options);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // No body here: the status code page (/error?status=429) explains it as a GOV.UK page.
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = options.WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(SignInRateLimitOptions.Policy, http => PerClient(http, "staff", options.PermitLimit, options.WindowSeconds));
            limiter.AddPolicy(SignInRateLimitOptions.InvitationPolicy, http => PerClient(http, "invitation", options.InvitationPermitLimit, options.WindowSeconds));
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, string kind, int permits, int seconds) =>
        RateLimitPartition.GetFixedWindowLimiter(
            kind + ":" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromSeconds(seconds), QueueLimit = 0 });
}
