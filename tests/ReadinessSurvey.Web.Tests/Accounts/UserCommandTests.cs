using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Tests.Web.Cli;

namespace ReadinessSurvey.Tests.Web.Accounts;

[Trait("Category", "Database")]
public sealed class UserCommandTests : IDisposable
{
    private readonly ReadinessWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Users_add_creates_the_first_admin_with_a_password_shown_once_that_signs_in()
    {
        _factory.EnsureStarted();

        var (exit, output, _) = await CliRunner.RunAsync(_factory.Database, "users", "add", "--email", "first.admin@lga.example", "--role", "admin", "--name", "First Admin");

        Assert.Equal(0, exit);
        Assert.Contains("Added first.admin@lga.example as Admin.", output, StringComparison.Ordinal);
        var password = Regex.Match(output, @"Password \(shown once\): (\S+)").Groups[1].Value;
        Assert.Equal(20, password.Length);
        using var client = _factory.CreateFormClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("first.admin@lga.example", password)).StatusCode);
        Assert.Contains("(admin)", await client.GetPageAsync("/admin"), StringComparison.Ordinal);

        var (_, list, _) = await CliRunner.RunAsync(_factory.Database, "users", "list");
        Assert.Contains("first.admin@lga.example\tFirst Admin\tAdmin\tpassword only", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--email", "not-an-email", "--role", "Admin", "'not-an-email' is not an email address.")]
    [InlineData("--email", "someone@lga.example", "--role", "Owner", "Role 'Owner' does not exist. Use Admin or Analyst.")]
    public async Task Users_add_refuses_bad_input_with_a_clear_error(string a, string b, string c, string d, string expected)
    {
        _factory.EnsureStarted();

        var (exit, _, error) = await CliRunner.RunAsync(_factory.Database, "users", "add", a, b, c, d);

        Assert.NotEqual(0, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_refuses_a_duplicate_and_a_weak_password()
    {
        var (email, _) = await _factory.AddUserAsync("Analyst");

        var (exit, _, error) = await CliRunner.RunAsync(_factory.Database, "users", "add", "--email", email, "--role", "Admin");
        Assert.Equal(1, exit);
        Assert.Contains($"A user with the email {email} already exists.", error, StringComparison.Ordinal);

        using var scope = _factory.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var weak = await Assert.ThrowsAsync<AccountException>(() => accounts.AddAsync("weak@lga.example", "Weak", "Admin", "password", "test"));
        Assert.Contains("at least 12 characters", weak.Message, StringComparison.Ordinal);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PolicyUser>>().FindByEmailAsync("weak@lga.example"));
    }

    [Fact]
    public async Task Set_role_makes_an_admin_an_analyst_and_ends_their_sessions()
    {
        var (email, password) = await _factory.AddUserAsync("Admin");
        using var factory = _factory.WithSessionChecksOnEveryRequest();
        using var client = new FormClient(factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);

        var (exit, output, _) = await CliRunner.RunAsync(_factory.Database, "users", "set-role", "--email", email, "--role", "Analyst");

        Assert.Equal(0, exit);
        Assert.Contains($"{email} is now Analyst.", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
        await client.SignInAsync(email, password);
        Assert.Contains("(analyst)", await client.GetPageAsync("/admin"), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
    }
}
