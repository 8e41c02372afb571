using ReadinessSurvey;
using ReadinessSurvey.Web;
using ReadinessSurvey.Web.Jobs;
using ReadinessSurvey.Web.Security;

var builder = WebApplication.CreateBuilder(args.Where(a => a != "--worker").ToArray());
if (JobsHosting.IsWorker(args, builder.Configuration))
{
    await WorkerHost.RunAsync(args);
    return 0;
}

// In Production every link is built from Site:BaseUrl: refuse to start without a usable one.
if (builder.Environment.IsProduction() && SiteAddress.ProductionProblem(builder.Configuration) is { } problem)
{
    await Console.Error.WriteLineAsync("ReadinessSurvey did not start: " + problem);
    return 1;
}

builder.Services.AddReadinessCore(builder.Configuration);
builder.Services.AddReadinessWeb(builder.Configuration);

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseReadinessWeb();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests.</summary>
public partial class Program;
