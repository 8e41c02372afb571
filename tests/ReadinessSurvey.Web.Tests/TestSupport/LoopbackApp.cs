using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ReadinessSurvey.Tests.Web;

/// <summary>
/// The real app on Kestrel on a loopback port, for what only real HTTP shows: the client's address,
/// forwarded headers from a proxy, the Host header, cookies' attributes.
/// </summary>
public static class LoopbackApp
{
    /// <summary>Starts the factory's app on Kestrel and returns its address.</summary>
    public static Uri StartOnLoopback(this ReadinessWebFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    /// <summary>
    /// A browser-like client (own cookies, no redirects followed) whose requests arrive as if through a
    /// reverse proxy on this machine: X-Forwarded-For, and optionally X-Forwarded-Proto and Host.
    /// </summary>
    public static FormClient Client(Uri address, string? forwardedFor = null, string? forwardedProto = null, string? host = null)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        var http = new HttpClient(handler) { BaseAddress = address };
        if (forwardedFor is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        if (forwardedProto is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }

        if (host is not null)
        {
            http.DefaultRequestHeaders.Host = host;
        }

        return new FormClient(http);
    }
}
