using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ReadinessSurvey.Web.Security;

/// <summary>
/// Running behind a reverse proxy that ends TLS: the client's address and scheme are taken from
/// X-Forwarded-For and X-Forwarded-Proto only when the request comes from a proxy listed in
/// <c>ReverseProxy:KnownProxies</c> or <c>ReverseProxy:KnownNetworks</c> (by default only this machine,
/// ASP.NET Core's own default, for a proxy on the same host). With an https <c>Site:BaseUrl</c>, plain
/// http is redirected (except <c>/health</c>, for load balancers), HSTS is sent and every cookie is
/// <c>Secure</c> with the <c>__Host-</c> prefix.
/// </summary>
public static class TransportSecurity
{
    public const string SectionName = "ReverseProxy";

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var proxies = configuration.GetSection($"{SectionName}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{SectionName}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Length > 0 || networks.Length > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                {
                    o.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in networks)
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }
        });

        if (SiteAddress.IsHttps(configuration))
        {
            var port = SiteAddress.BaseUrl(configuration).Port;
            services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
            services.AddHttpsRedirection(o =>
            {
                o.HttpsPort = port;
                o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            });
        }

        return services;
    }

    /// <summary>Names a cookie, with <c>__Host-</c> and <c>Secure</c> when the public address is https.</summary>
    public static void Name(CookieBuilder cookie, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        if (SiteAddress.IsHttps(configuration))
        {
            // __Host- makes browsers insist on Secure, path / and no Domain: no other site or sub-domain can set it.
            cookie.Name = "__Host-" + name;
            cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Path = "/";
            cookie.Domain = null;
        }
        else
        {
            cookie.Name = name;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
    }

    /// <summary>First in the pipeline: everything after it sees the client's real address and scheme.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        if (SiteAddress.IsHttps(app.Configuration))
        {
            app.UseHsts();
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase), b => b.UseHttpsRedirection());
        }

        return app;
    }
}
