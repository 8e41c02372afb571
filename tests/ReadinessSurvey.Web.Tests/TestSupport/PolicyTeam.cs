using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;

namespace ReadinessSurvey.Tests.Web;

/// <summary>Policy-team accounts for tests: made through the same service as the CLI, signed in through the real form.</summary>
public static class PolicyTeam
{
    /// <summary>Adds a user with a generated password and returns the email and password.</summary>
    public static async Task<(string Email, string Password)> AddUserAsync(this ReadinessWebFactory factory, string role, string? email = null)
    {
        factory.EnsureStarted();
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@lga.example";
        using var scope = factory.Services.CreateScope();
        var (_, password) = await scope.ServiceProvider.GetRequiredService<AccountService>().AddAsync(email, role + " Tester", role, null, "test");
        return (email, password);
    }

    /// <summary>A new browser-like client signed in as a new user with the role.</summary>
    public static async Task<FormClient> SignInAsAsync(this ReadinessWebFactory factory, string role)
    {
        var (email, password) = await factory.AddUserAsync(role);
        var client = factory.CreateFormClient();
        var response = await client.SignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {role} gave {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this FormClient client, string email, string password) =>
        await client.PostAsync("/account/sign-in", [new("email", email), new("password", password)]);
}
