using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ReadinessSurvey.Tests.Web.Email;

/// <summary>
/// The web app with its job server running and email going to a real SMTP server on loopback, retrying
/// quickly; every log line of the app is captured (levels below).
/// </summary>
public sealed class EmailWebFactory : ReadinessWebFactory
{
    public EmailWebFactory()
    {
        Settings["Jobs:Server"] = "true";
        Settings["Site:BaseUrl"] = "http://localhost/";
        Settings["Email:Mode"] = "Smtp";
        Settings["Email:Smtp:Host"] = "127.0.0.1";
        Settings["Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Email:Smtp:Security"] = "None";
        Settings["Email:From"] = "ai-readiness@lga.example";
        Settings["Email:Contact"] = "the survey team at ai-readiness@lga.example";
        Settings["Email:RetryDelaySeconds"] = "0";

        // The app's own code, Hangfire and EF Core at every level; ASP.NET Core at Information, above what the
        // app ships with (Warning). Below Information ASP.NET Core's diagnostics log request paths, and so
        // invitation links (docs/email.md says so): that level is for a developer's machine only.
        Settings["Logging:LogLevel:Default"] = "Trace";
        Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Information";
        Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace";
        Settings["Logging:LogLevel:Hangfire"] = "Trace";
    }

    public SmtpSink Smtp { get; } = new();

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(Logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
            Logs.Dispose();
        }
    }
}
