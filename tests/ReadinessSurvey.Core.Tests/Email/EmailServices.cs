using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReadinessSurvey.Email;
using ReadinessSurvey.Privacy;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Email;

/// <summary>
/// The platform's services on a test database with a fake clock, sending email the embedded way: real
/// .eml files in a pickup folder of the test's own, read back with MimeKit.
/// </summary>
internal sealed class EmailServices : IAsyncDisposable
{
    private EmailServices(TestDatabase database, CoreServices core, FakeTimeProvider clock)
    {
        Database = database;
        Core = core;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public CoreServices Core { get; }

    public FakeTimeProvider Clock { get; }

    public string Mail => Path.Combine(Database.Folder, "mail");

    public static async Task<EmailServices> StartAsync(DateTimeOffset now, int retainMonths = 12)
    {
        var database = new TestDatabase();
        var clock = new FakeTimeProvider(now);
        var core = await CoreServices.StartAsync(database, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Configure<EmailOptions>(o =>
            {
                o.PickupDirectory = Path.Combine(database.Folder, "mail");
                o.Contact = "the survey team at survey@lga.example";
            });
            services.Configure<PrivacyOptions>(o => o.RetainContactsMonths = retainMonths);
        });
        return new EmailServices(database, core, clock);
    }

    public Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action) => Core.WithAsync(action);

    public Task<int> OpenRoundAsync(DateTime closes, string name = "AI readiness 2025") =>
        WithAsync(async sp => (await sp.GetRequiredService<RoundService>().OpenAsync(new OpenRoundRequest(name, Rounds.DefaultSurvey, null, null, closes), "test")).Id);

    public Task<IssuedInvitation> InviteAsync(int round, string council, string name) =>
        WithAsync(sp => sp.GetRequiredService<InvitationService>().CreateAsync(
            new InvitationRequest(round, council, name, name.Replace(' ', '.').ToLowerInvariant() + "@example.gov.uk", "Head of digital"), "test"));

    /// <summary>Signs in with the invitation, answers everything and submits, through the respondents' services.</summary>
    public Task<int> SubmitAsync(IssuedInvitation invitation) =>
        WithAsync(async sp =>
        {
            var returns = sp.GetRequiredService<ReturnService>();
            var contributor = await returns.EnsureContributorAsync(invitation.Invitation);
            var answers = SurveyAnswers.Complete(SurveyAnswers.Default, SurveyAnswers.District);
            await returns.SaveAsync(contributor.ReturnId, contributor.Id, answers.Select(a => new AnswerChange(a.Key, a.Value, 0)).ToList());
            Assert.True((await sp.GetRequiredService<SubmissionService>().SubmitAsync(contributor.ReturnId, contributor.Id)).Submitted);
            return contributor.ReturnId;
        });

    /// <summary>The messages in the pickup folder, parsed by MimeKit.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Messages() =>
        Directory.Exists(Mail) ? [.. Directory.GetFiles(Mail, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeKit.MimeMessage.Load(f))] : [];

    public async ValueTask DisposeAsync()
    {
        await Core.DisposeAsync();
        Database.Dispose();
    }
}
