using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ReadinessSurvey.Web.Security;

/// <summary>Limits invitation sign-in attempts per client address: guessing tokens gets HTTP 429.</summary>
public sealed class SignInRateLimitOptions
{
    public const string SectionName = "SignInRateLimit";
    public const string Policy = "sign-in";

    /// <summary>Attempts allowed per client in each window.</summary>
    public int PermitLimit { get; set; } = 10;

    /// <summary>The window's length in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;
}

internal static class SignInRateLimit
{
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SignInRateLimitOptions.SectionName).Get<SignInRateLimitOptions>() ?? new SignInRateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = options.WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts from your connection. Wait a minute and try again.", ct);
            };
            limiter.AddPolicy(SignInRateLimitOptions.Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = TimeSpan.FromSeconds(options.WindowSeconds),
                    QueueLimit = 0,
                }));
        });
        return services;
    }
}
