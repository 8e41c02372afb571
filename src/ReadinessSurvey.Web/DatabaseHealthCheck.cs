using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Web;

/// <summary>Healthy when the database answers a query; /health then returns 200, otherwise 503.</summary>
internal sealed class DatabaseHealthCheck(DatabaseInitializer database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
