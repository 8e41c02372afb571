namespace ReadinessSurvey.Web.Security;

/// <summary>Security headers on every response: a strict CSP, no sniffing, no framing, no referrer.</summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The organisation sign-in button posts a form that redirects to the provider; browsers apply
        // form-action to that redirect, so the provider's origin is allowed when one is configured.
        var oidc = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Accounts.OidcOptions>>().Value;
        var provider = oidc.IsConfigured && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) ? " " + authority.GetLeftPart(UriPartial.Authority) : "";
        var policy = ContentSecurityPolicy + provider + "; frame-ancestors 'none'";
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";

                // Invitation links carry a token in the path: never pass it on to another site.
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
