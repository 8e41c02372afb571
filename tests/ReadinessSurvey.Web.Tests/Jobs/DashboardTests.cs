using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Jobs;
using ReadinessSurvey.Responses;

namespace ReadinessSurvey.Tests.Web.Jobs;

public sealed class DashboardTests : IDisposable
{
    private readonly ReadinessWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/jobs/enqueued")]
    [InlineData("/hangfire/recurring")]
    [InlineData("/hangfire/stats")]
    public async Task The_dashboard_is_refused_to_anonymous_users(string path)
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Found, HttpStatusCode.Redirect });
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task The_dashboard_is_refused_to_anonymous_requests_that_look_local_through_a_proxy(string forwardedFor)
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/hangfire", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Host", "localhost");

        var response = await client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Hangfire Dashboard", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_web_app_schedules_aggregation_on_return_changes_and_declares_the_nightly_run()
    {
        _factory.EnsureStarted();

        Assert.IsType<HangfireReturnEvents>(_factory.Services.GetRequiredService<IReturnEvents>());
        using var connection = _factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var nightly = connection.GetAllEntriesFromHash("recurring-job:aggregate-open-rounds");
        Assert.NotNull(nightly);
        Assert.Equal("0 2 * * *", nightly["Cron"]);
        Assert.Equal("Europe/London", nightly["TimeZoneId"]);
    }
}
