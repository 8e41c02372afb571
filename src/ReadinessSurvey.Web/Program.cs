using ReadinessSurvey;
using ReadinessSurvey.Web;
using ReadinessSurvey.Web.Jobs;

var builder = WebApplication.CreateBuilder(args.Where(a => a != "--worker").ToArray());
if (JobsHosting.IsWorker(args, builder.Configuration))
{
    await WorkerHost.RunAsync(args);
    return;
}

builder.Services.AddReadinessCore(builder.Configuration);
builder.Services.AddReadinessWeb(builder.Configuration);

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseReadinessWeb();
await app.RunAsync();

/// <summary>Entry point, visible to the integration tests.</summary>
public partial class Program;
