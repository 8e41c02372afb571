using ReadinessSurvey;
using ReadinessSurvey.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddReadinessCore(builder.Configuration);
builder.Services.AddReadinessWeb(builder.Configuration);

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseReadinessWeb();
await app.RunAsync();

/// <summary>Entry point, visible to the integration tests.</summary>
public partial class Program;
