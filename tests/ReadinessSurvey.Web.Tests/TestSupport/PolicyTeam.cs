using System.Net;
using Microsoft.AspNetCore.Identity;
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

    /// <summary>
    /// Adds a user whose authenticator app is already set up (through Identity, as the set-up page does) and
    /// returns its key too, so a test can compute the codes. Admins need this to change anything.
    /// </summary>
    public static async Task<(string Email, string Password, string Key)> AddUserWithTwoFactorAsync(this ReadinessWebFactory factory, string role)
    {
        var (email, password) = await factory.AddUserAsync(role);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PolicyUser>>();
        var person = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The user just added is missing.");
        await users.ResetAuthenticatorKeyAsync(person);
        await users.SetTwoFactorEnabledAsync(person, true);
        return (email, password, await users.GetAuthenticatorKeyAsync(person) ?? throw new InvalidOperationException("No authenticator key."));
    }

    /// <summary>
    /// A new browser-like client signed in as a new user with the role. Admins sign in with a password
    /// and an authenticator code, as they must to make changes.
    /// </summary>
    public static async Task<FormClient> SignInAsAsync(this ReadinessWebFactory factory, string role)
    {
        var client = factory.CreateFormClient();
        if (role != PolicyRoles.Admin)
        {
            var (email, password) = await factory.AddUserAsync(role);
            var response = await client.SignInAsync(email, password);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {role} gave {(int)response.StatusCode}");
            return client;
        }

        var (adminEmail, adminPassword, key) = await factory.AddUserWithTwoFactorAsync(role);
        await client.SignInWithCodeAsync(adminEmail, adminPassword, key);
        return client;
    }

    /// <summary>Signs in with the password, then the authenticator code.</summary>
    public static async Task SignInWithCodeAsync(this FormClient client, string email, string password, string key)
    {
        ArgumentNullException.ThrowIfNull(client);
        var first = await client.SignInAsync(email, password);
        Assert.StartsWith("/account/two-factor", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var second = await client.PostAsync("/account/two-factor", [new("code", Accounts.SignInTests.CodeFor(key))]);
        Assert.True(second.StatusCode == HttpStatusCode.Redirect, $"The authenticator code gave {(int)second.StatusCode}");
    }

    public static async Task<HttpResponseMessage> SignInAsync(this FormClient client, string email, string password) =>
        await client.PostAsync("/account/sign-in", [new("email", email), new("password", password)]);
}
