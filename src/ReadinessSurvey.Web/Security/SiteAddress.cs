using System.Net;

namespace ReadinessSurvey.Web.Security;

/// <summary>
/// The platform's public address, <c>Site:BaseUrl</c>. Every link the app writes (invitations, mail
/// merges) starts with it, never with the request's Host header, which a client chooses. When it is an
/// https address the app behaves as a public site: cookies are <c>Secure</c> with the <c>__Host-</c>
/// prefix, plain http is redirected and HSTS is sent.
/// </summary>
public static class SiteAddress
{
    public const string Setting = "Site:BaseUrl";

    /// <summary>Where <c>dotnet run</c> listens (launchSettings.json); the default outside Production, as in the CLI.</summary>
    public const string Local = "http://localhost:5080/";

    /// <summary>The configured address with a trailing slash, or <see cref="Local"/> when none is set.</summary>
    public static Uri BaseUrl(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[Setting] is { Length: > 0 } configured ? configured.Trim() : Local;
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }

    /// <summary>True when the public address is https: the app then insists on https everywhere.</summary>
    public static bool IsHttps(IConfiguration configuration) =>
        Uri.TryCreate(configuration?[Setting], UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>
    /// Why a Production start must be refused, or null when it may go ahead: the address must be set,
    /// absolute, and https unless it is this machine (a trial run on loopback).
    /// </summary>
    public static string? ProductionProblem(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"{Setting} is not set. In Production every link the platform sends (invitations, mail merges) is built from it, " +
                "never from the address a request claims. Set it to the public address, e.g. the environment variable " +
                "Site__BaseUrl=https://survey.example.gov.uk/ (see docs/deploying.md).";
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"{Setting} must be an absolute http or https address, like https://survey.example.gov.uk/; it is '{text}'.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            return $"{Setting} is {uri}: in Production it must be an https address (plain http is allowed only for localhost). See docs/deploying.md.";
        }

        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
