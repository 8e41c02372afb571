using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Data;

/// <summary>
/// Server databases run with retry on failure, which refuses a transaction begun outside the execution
/// strategy. These prove the application's transactions run inside it and are retried whole.
/// </summary>
public sealed partial class ExecutionStrategyTests
{
    [Fact]
    public void No_code_begins_a_transaction_except_through_Transactions()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src");
        var helper = Path.Combine(source, "ReadinessSurvey.Core", "Data", "Transactions.cs");
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(helper, files);

        var offenders = files
            .Where(f => f != helper)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(source, f), Line: i + 1, Text: line)))
            .Where(l => BeginsTransaction().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0,
            "Begin transactions with db.InTransactionAsync (Data/Transactions.cs), which runs them inside the execution strategy:\n" + string.Join("\n", offenders));
    }

    [ServerDatabaseFact]
    public async Task A_save_that_loses_its_connection_mid_transaction_is_run_again_whole_and_stored_once()
    {
        foreach (var provider in TestServers.Available())
        {
            using var database = new TestDatabase(provider);
            var killer = new ConnectionKiller("Answers");
            await using var services = await CoreServices.StartAsync(database, s => s.AddSingleton<IInterceptor>(killer));
            var roundId = await Rounds.OpenAsync(services.Services);
            var (returnId, contributorId) = await services.WithAsync(async sp =>
            {
                var issued = await sp.GetRequiredService<InvitationService>().CreateAsync(
                    new InvitationRequest(roundId, "E07000223", "Alex Smith", "alex@adur.gov.uk", "Head of digital"), "test");
                var contributor = await sp.GetRequiredService<ReturnService>().EnsureContributorAsync(issued.Invitation);
                return (contributor.ReturnId, contributor.Id);
            });

            killer.Armed = true;
            var result = await services.WithAsync(sp => sp.GetRequiredService<ReturnService>().SaveAsync(returnId, contributorId,
            [
                new AnswerChange("B1", AnswerValue.Choice("piloting"), 0),
                new AnswerChange("B2", AnswerValue.Choice("generative", "predictive"), 0),
            ]));

            Assert.Equal(1, killer.Kills);
            Assert.Equal(SaveStatus.Saved, result.Status);
            await using var db = database.CreateContext();
            var answers = await db.Answers.Where(a => a.ReturnId == returnId).OrderBy(a => a.QuestionId).ToListAsync();
            Assert.Equal([("B1", 1), ("B2", 1)], answers.Select(a => (a.QuestionId, a.Version)));
            Assert.Equal(["generative", "predictive"], AnswerValue.FromJson(answers[1].ValueJson)?.Options);
        }
    }

    [ServerDatabaseFact]
    public async Task Invitations_whose_insert_loses_its_connection_are_made_once_with_working_links()
    {
        foreach (var provider in TestServers.Available())
        {
            using var database = new TestDatabase(provider);
            var killer = new ConnectionKiller("AuditEvents");
            await using var services = await CoreServices.StartAsync(database, s => s.AddSingleton<IInterceptor>(killer));
            var roundId = await Rounds.OpenAsync(services.Services);

            killer.Armed = true;
            var issued = await services.WithAsync(sp => sp.GetRequiredService<InvitationService>().CreateManyAsync(
            [
                new InvitationRequest(roundId, "E07000223", "Alex Smith", "alex@adur.gov.uk", "Head of digital"),
                new InvitationRequest(roundId, "E07000223", "Sam Jones", "sam@adur.gov.uk", "Data protection officer"),
            ], "test"));

            Assert.Equal(1, killer.Kills);
            await using var db = database.CreateContext();
            Assert.Equal(2, await db.Invitations.CountAsync());
            Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "invitation.created"));
            foreach (var invitation in issued)
            {
                Assert.NotNull(await services.WithAsync(sp => sp.GetRequiredService<InvitationService>().FindUsableAsync(invitation.Token)));
            }
        }
    }

    [GeneratedRegex(@"\bBeginTransaction(Async)?\s*\(|\bUseTransaction(Async)?\s*\(")]
    private static partial Regex BeginsTransaction();

    /// <summary>
    /// When armed, kills the server session of the first command that inserts into a table, from another
    /// connection, just before the command runs: a real dropped connection in the middle of a transaction.
    /// </summary>
    private sealed class ConnectionKiller(string table) : DbCommandInterceptor
    {
        public bool Armed { get; set; }

        public int Kills { get; private set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await KillIfTargetAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await KillIfTargetAsync(command);
            return result;
        }

        private async Task KillIfTargetAsync(DbCommand command)
        {
            if (!Armed || Kills > 0 || !Regex.IsMatch(command.CommandText, $@"INSERT INTO [""\[]{table}[""\]]"))
            {
                return;
            }

            Kills++;
            switch (command.Connection)
            {
                case NpgsqlConnection pg:
                {
                    await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg.ConnectionString) { Pooling = false }.ConnectionString);
                    await other.OpenAsync();
                    await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pg.ProcessID})", other);
                    await kill.ExecuteScalarAsync();
                    break;
                }

                case SqlConnection sql:
                {
                    await using var other = new SqlConnection(new SqlConnectionStringBuilder(sql.ConnectionString) { Pooling = false }.ConnectionString);
                    await other.OpenAsync();
                    await using var kill = new SqlCommand($"KILL {sql.ServerProcessId}", other);
                    await kill.ExecuteNonQueryAsync();
                    break;
                }
            }
        }
    }
}
