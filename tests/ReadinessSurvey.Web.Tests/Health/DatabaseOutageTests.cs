using System.Net;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Web.Health;

/// <summary>The server database goes down under a running app and comes back, with no restart.</summary>
public sealed class DatabaseOutageTests
{
    [ServerDatabaseFact]
    public async Task Health_is_503_while_the_database_is_down_and_a_save_then_fails_kindly_losing_nothing_saved()
    {
        foreach (var provider in TestServers.Available())
        {
            var database = new TestDatabase(provider);
            using var gate = Gate(provider, database.ConnectionString, out var throughGate);
            using var factory = ReadinessWebFactory.On(database);
            factory.Settings["ConnectionStrings:Readiness"] = throughGate;

            // Few, short retries: the save during the outage fails in seconds rather than the minute of the defaults.
            factory.Settings["Database:MaxRetryCount"] = "2";
            factory.Settings["Database:MaxRetryDelay"] = "00:00:01";
            var scenario = new Scenario(factory);
            var round = await scenario.OpenRoundAsync();
            using var client = factory.CreateFormClient();
            await client.GetAsync($"/respond/start/{(await scenario.InviteAsync(round)).Token}");
            var saved = await client.PostAsync("/respond/section/a", [new("v-A3", "0"), new("q-A3", "250"), new("next", "later")]);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var sectionB = await client.GetPageAsync("/respond/section/b");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

            gate.Close();
            var down = await client.GetAsync("/health");
            using var form = new FormUrlEncodedContent([new("v-B1", "0"), new("q-B1", "piloting"), new("__RequestVerificationToken", FormClient.TokenOf(sectionB))]);
            var during = await client.Http.PostAsync(new Uri("/respond/section/b", UriKind.Relative), form);
            var page = await during.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal(HttpStatusCode.InternalServerError, during.StatusCode);
            Assert.Contains("Sorry, there is a problem with the service", page, StringComparison.Ordinal);
            Assert.Contains("Nothing on the form you just sent was saved. Anything you saved before is safe.", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);

            gate.Open();
            Assert.Equal(HttpStatusCode.OK, await HealthWhenSettledAsync(client));
            await using var db = database.CreateContext();
            var answers = await db.Answers.Where(a => a.Return!.RoundId == round).Select(a => new { a.QuestionId, a.ValueJson, a.Version }).ToListAsync();
            Assert.Equal(250m, AnswerValue.FromJson(Assert.Single(answers, a => a.QuestionId == "A3").ValueJson)?.Number);
            Assert.DoesNotContain(answers, a => a.QuestionId == "B1");

            // And the respondent carries on where they were.
            var again = await client.PostAsync("/respond/section/a", [new("v-A3", "1"), new("q-A3", "1,250"), new("next", "later")]);
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }
    }

    /// <summary>The first answer after the gate reopens may still meet a connection cut while it was closed.</summary>
    private static async Task<HttpStatusCode> HealthWhenSettledAsync(FormClient client)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && status != HttpStatusCode.OK; attempt++)
        {
            status = (await client.GetAsync("/health")).StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(500);
            }
        }

        return status;
    }

    /// <summary>A gate in front of the database's server, and the connection string that goes through it.</summary>
    private static TcpGate Gate(DatabaseProvider provider, string connectionString, out string throughGate)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            var pg = new NpgsqlConnectionStringBuilder(connectionString);
            var gate = new TcpGate(pg.Host!, pg.Port);
            // Npgsql's own connect timeout (15 s): a closed gate refuses at once, so the outage is no slower for it, and
            // the app's start-up no longer fails when a loaded machine takes more than 3 s to connect.
            throughGate = new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = gate.Port }.ConnectionString;
            return gate;
        }

        var sql = new SqlConnectionStringBuilder(connectionString);
        var parts = sql.DataSource.Replace("tcp:", "", StringComparison.Ordinal).Split(',');
        var sqlGate = new TcpGate(parts[0], parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1433);
        throughGate = new SqlConnectionStringBuilder(connectionString) { DataSource = $"127.0.0.1,{sqlGate.Port}", ConnectTimeout = 3 }.ConnectionString;
        return sqlGate;
    }
}
