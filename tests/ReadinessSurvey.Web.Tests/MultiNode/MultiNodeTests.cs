using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Data;
using ReadinessSurvey.Demo;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Web.MultiNode;

/// <summary>
/// Two web nodes with no job server and one worker, real processes on one server database, spoken to over
/// real HTTP. Started once, used for the whole story, so the test stays light on a small machine.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MultiNodeTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(300);

    [ServerDatabaseFact]
    public async Task Two_web_nodes_and_a_worker_share_one_database()
    {
        var provider = TestServers.Available().First();
        using var database = new TestDatabase(provider);
        var reports = Path.Combine(database.Folder, "shared-reports");

        // Ready the database once here, so the nodes start on one that is migrated and loaded.
        int round;
        IssuedInvitation alex, sam;
        int alexReturn;
        string analystEmail, analystPassword;
        await using (var services = await CoreServices.StartAsync(database))
        {
            round = await Rounds.OpenAsync(services.Services);
            (alex, sam) = await services.WithAsync(async sp =>
            {
                var invitations = sp.GetRequiredService<InvitationService>();
                return (await invitations.CreateAsync(new InvitationRequest(round, "E07000223", "Alex Smith", "alex@adur.gov.uk", "Head of digital"), "test"),
                    await invitations.CreateAsync(new InvitationRequest(round, "E07000223", "Sam Jones", "sam@adur.gov.uk", "Data protection officer"), "test"));
            });
            alexReturn = await services.WithAsync(async sp => (await sp.GetRequiredService<ReturnService>().EnsureContributorAsync(alex.Invitation)).ReturnId);
            await services.WithAsync(sp => sp.GetRequiredService<DemoReturns>().SeedAsync(round, 6, 3));
            (analystEmail, analystPassword) = await services.WithAsync(async sp =>
            {
                var (user, password) = await sp.GetRequiredService<AccountService>().AddAsync("analyst@lga.example", "Ana Lyst", PolicyRoles.Analyst, null, "test");
                return (user.Email!, password);
            });
        }

        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = provider.ToString(),
            ["ConnectionStrings__Readiness"] = database.ConnectionString,
            ["Reports__Folder"] = reports,
            ["Storage__DataFolder"] = Path.Combine(database.Folder, "data"),
            ["Storage__SurveysFolder"] = Repository.Surveys,

            // Production refuses to start without the public address that every link is built from.
            ["Site__BaseUrl"] = "http://localhost:5080/",
            ["Jobs__AggregationDelaySeconds"] = "0",
            ["Jobs__InvisibilityTimeout"] = "00:00:08",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var web = new Dictionary<string, string>(environment) { ["Jobs__Server"] = "false" };
        using var a = Node.StartWeb("A", web);
        using var b = Node.StartWeb("B", web);
        var worker = Node.StartWorker("worker", environment);
        try
        {
            await a.WaitHealthyAsync(StartTimeout);
            await b.WaitHealthyAsync(StartTimeout);

            // A respondent starts on node A and carries on on node B: B reads A's cookie (shared keys).
            var alexCookies = new CookieContainer();
            using var alexOnA = Client(a, alexCookies);
            using var alexOnB = Client(b, alexCookies);
            await alexOnA.GetAsync($"/respond/start/{alex.Token}");
            Assert.Equal(HttpStatusCode.Redirect, (await alexOnA.PostAsync("/respond/section/a", [new("v-A2", "0"), new("q-A2", "digital_lead"), new("next", "later")])).StatusCode);
            // B knows the person as well as the return: their own answer reads "Last changed by you".
            Assert.Contains("Last changed by you", await alexOnB.GetPageAsync("/respond/section/a"), StringComparison.Ordinal);

            // Two contributors on different nodes still get the stale-save conflict.
            using var samOnB = Client(b, new CookieContainer());
            await samOnB.GetAsync($"/respond/start/{sam.Token}");
            var samsPage = await samOnB.GetPageAsync("/respond/section/a");
            Assert.Equal(HttpStatusCode.Redirect, (await alexOnA.PostAsync("/respond/section/a", [new("v-A2", "0"), new("q-A2", "digital_lead"), new("v-A3", "0"), new("q-A3", "250"), new("next", "later")])).StatusCode);
            await alexOnA.PostAsync("/respond/section/a", [new("v-A3", "1"), new("q-A3", "300"), new("next", "later")]);
            var conflict = await samOnB.PostAsync("/respond/section/a", [new("v-A3", FormClient.VersionOf(samsPage, "A3")), new("q-A3", "400")]);
            Assert.Contains("Alex Smith changed this answer", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // A submission on node A is aggregated by the worker (the web nodes run no jobs): counted, then its
            // published view protected.
            await CompleteAsync(database, alexReturn);
            var submitted = await alexOnA.PostAsync("/respond/check", [new("declaration", "confirmed")]);
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
            await WaitForAsync(database, db => db.AggregateSnapshots.AnyAsync(s => s.IsCurrent && s.ReturnCount == 7), "the worker to aggregate the submission", worker);
            await WaitForAsync(database, db => db.AggregateSnapshots.AnyAsync(s => s.IsCurrent && s.ReturnCount == 7 && s.PublishedJson != null), "the worker to protect the published view", worker);

            // A report requested on node B is built by the worker; killed mid-report, the worker's job is
            // picked up by a new worker and finished; the file is downloaded from node A.
            var analystCookies = new CookieContainer();
            using var analystOnB = Client(b, analystCookies);
            using var analystOnA = Client(a, analystCookies);
            Assert.Equal(HttpStatusCode.Redirect, (await analystOnB.SignInAsync(analystEmail, analystPassword)).StatusCode);
            var id = PublishingFixture.IdIn(await analystOnB.PostAsync("/admin/reports", [new("RoundId", round.ToString(CultureInfo.InvariantCulture)), new("Kind", "councils")]));
            await WaitForAsync(database, db => db.ReportRuns.AnyAsync(r => r.Id == id && r.Status != ReportRunStatus.Pending), "the worker to start the report", worker, poll: 20);
            worker.Kill();
            Assert.Equal(ReportRunStatus.Running, await StatusAsync(database, id));

            worker.Dispose();
            worker = Node.StartWorker("second worker", environment);
            await WaitForAsync(database, db => db.ReportRuns.AnyAsync(r => r.Id == id && r.Status == ReportRunStatus.Succeeded), "a new worker to finish the report", worker);
            var download = await analystOnA.GetAsync($"/admin/reports/{id}/download");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            var bytes = await download.Content.ReadAsByteArrayAsync();
            Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        }
        finally
        {
            worker.Dispose();
        }
    }

    private static FormClient Client(Node node, CookieContainer cookies) =>

        // One cookie jar per person across nodes: a cookie for 127.0.0.1 goes to every port, as behind one load balancer.
        new(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>Answers the rest of the return as a respondent would, so it can be submitted.</summary>
    private static async Task CompleteAsync(TestDatabase database, int returnId)
    {
        await using var services = await CoreServices.StartAsync(database);
        await services.WithAsync(async sp =>
        {
            var returns = sp.GetRequiredService<ReturnService>();
            var workspace = await returns.LoadAsync(returnId);
            var answers = new DemoAnswers(new Random(7), workspace.Profile).Answer(workspace.Definition);
            var changes = answers.Where(a => workspace.Answers.Get(a.Key) is null).Select(a => new AnswerChange(a.Key, a.Value, 0)).ToList();
            var contributor = await sp.GetRequiredService<ReadinessDbContext>().Contributors.Where(c => c.ReturnId == returnId).Select(c => c.Id).FirstAsync();
            var saved = await returns.SaveAsync(workspace, contributor, changes);
            Assert.True(saved.Status == SaveStatus.Saved, string.Join("; ", saved.Errors.Select(e => $"{e.QuestionId}: {e.Message}")));
            return 0;
        });
    }

    private static async Task<ReportRunStatus> StatusAsync(TestDatabase database, long id)
    {
        await using var db = database.CreateContext();
        return await db.ReportRuns.Where(r => r.Id == id).Select(r => r.Status).SingleAsync();
    }

    private static async Task WaitForAsync(TestDatabase database, Func<ReadinessDbContext, Task<bool>> done, string what, Node worker, int poll = 250)
    {
        var until = DateTime.UtcNow.AddSeconds(300);
        while (DateTime.UtcNow < until)
        {
            await using (var db = database.CreateContext())
            {
                if (await done(db))
                {
                    return;
                }
            }

            await Task.Delay(poll);
        }

        Assert.Fail($"Timed out waiting for {what}. The worker wrote:\n{worker.Log}");
    }
}
