using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Cli;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Cli;

/// <summary><c>database copy</c>: from the embedded SQLite file to an empty server database, without losing a row.</summary>
[Trait("Category", "Slow")]
public sealed class DatabaseCopyTests
{
    [ServerDatabaseFact]
    public async Task Copy_moves_every_row_checks_counts_and_snapshot_and_refuses_a_target_that_is_not_empty()
    {
        using var source = new TestDatabase(DatabaseProvider.Sqlite);
        await RunAsync(source, "round", "open", "--name", "Trial", "--survey", Rounds.DefaultSurvey, "--closes", "2099-12-31");
        await RunAsync(source, "demo", "seed", "--round", "1", "--councils", "3", "--seed", "3");
        await RunAsync(source, "users", "add", "--email", "admin@lga.example", "--role", "Admin");
        await RunAsync(source, "invite", "create", "--round", "1", "--council", "E07000223", "--name", "Alex Smith", "--email", "alex@adur.gov.uk", "--role", "Head of digital");

        foreach (var provider in TestServers.Available())
        {
            using var target = new TestDatabase(provider);
            var output = await RunAsync(source, "database", "copy", "--from", source.File, "--to-provider", provider.ToString(), "--to", target.ConnectionString);

            Assert.Matches(@"Copied \d+ rows in \d+ tables; every count matches, and so does the latest snapshot \(SHA-256 [0-9A-F]{16}\.\.\.\)\.", output);
            await using (var from = source.CreateContext())
            await using (var to = target.CreateContext())
            {
                Assert.Equal(339, await to.Councils.CountAsync());
                Assert.Equal(await from.Answers.CountAsync(), await to.Answers.CountAsync());
                Assert.Equal(await from.AuditEvents.CountAsync(), await to.AuditEvents.CountAsync());
                Assert.Equal(await from.Users.Select(u => u.Email).SingleAsync(), await to.Users.Select(u => u.Email).SingleAsync());
                Assert.Equal(
                    await from.AggregateSnapshots.Where(s => s.IsCurrent).Select(s => new { s.Id, s.ContentJson }).SingleAsync(),
                    await to.AggregateSnapshots.Where(s => s.IsCurrent).Select(s => new { s.Id, s.ContentJson }).SingleAsync());
                Assert.Equal(await DatabaseCopier.LatestSnapshotHashAsync(from), await DatabaseCopier.LatestSnapshotHashAsync(to));
            }

            // The platform carries on in the copy: new rows take keys after the copied ones.
            int lastInvitation;
            await using (var from = source.CreateContext())
            {
                lastInvitation = await from.Invitations.MaxAsync(i => i.Id);
            }

            await using (var services = await CoreServices.StartAsync(target))
            {
                var issued = await services.WithAsync(sp => sp.GetRequiredService<InvitationService>().CreateAsync(
                    new InvitationRequest(1, "E07000223", "Sam Jones", "sam@adur.gov.uk", "Data protection officer"), "test"));
                Assert.Equal(lastInvitation + 1, issued.Invitation.Id);
            }

            using var error = new StringWriter();
            var again = await CliApp.RunAsync(["database", "copy", "--from", source.File, "--to-provider", provider.ToString(), "--to", target.ConnectionString], new StringWriter(), error);
            Assert.Equal(1, again);
            Assert.Contains("The target database is not empty: table", error.ToString(), StringComparison.Ordinal);
        }
    }

    private static async Task<string> RunAsync(TestDatabase database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, CoreServices.Settings(database));
        Assert.True(exit == 0, $"{string.Join(' ', args)} failed: {error}");
        return output.ToString();
    }
}
