using Microsoft.Extensions.Options;
using ReadinessSurvey;
using ReadinessSurvey.Web;
using ReadinessSurvey.Web.Jobs;
using ReadinessSurvey.Web.Security;

var builder = WebApplication.CreateBuilder(args.Where(a => a != "--worker").ToArray());
if (JobsHosting.IsWorker(args, builder.Configuration))
{
    return await WorkerHost.RunAsync(args);
}

// In Production every link is built from Site:BaseUrl: refuse to start without a usable one.
if (builder.Environment.IsProduction() && SiteAddress.ProductionProblem(builder.Configuration) is { } problem)
{
    await Console.Error.WriteLineAsync("ReadinessSurvey did not start: " + problem);
    return 1;
}

builder.Services.AddReadinessCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddReadinessWeb(builder.Configuration);

var app = builder.Build();
try
{
    await app.InitializeDatabaseAsync();
}
catch (OptionsValidationException ex)
{
    // A bad folder setting (Storage:*, Reports:*): say which and where, without a stack trace.
    await Console.Error.WriteLineAsync("ReadinessSurvey did not start: " + string.Join(" ", ex.Failures));
    return 1;
}

app.UseReadinessWeb();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests.</summary>
public partial class Program;
