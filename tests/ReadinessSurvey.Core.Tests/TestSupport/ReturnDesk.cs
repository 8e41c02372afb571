using Microsoft.Extensions.Time.Testing;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Tests.TestSupport;

/// <summary>
/// A database with a district council's return in an open round and two contributors (Alex and Sam), and the
/// services that save and submit it, built by hand on a fake clock.
/// </summary>
public sealed class ReturnDesk : IDisposable
{
    private readonly DefinitionCache _cache = new();
    private readonly WriteGate _gate = new(serialise: true);

    public TestDatabase Database { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));

    public ReturnService Service(ReadinessDbContext db) =>
        new(db, Library(db), new AuditLog(db, Clock), Clock, _gate);

    public SubmissionService Submissions(ReadinessDbContext db) =>
        new(db, Service(db), new AuditLog(db, Clock), Clock, _gate, new NoReturnEvents());

    public SurveyLibrary Library(ReadinessDbContext db) => new(db, new AuditLog(db, Clock), Clock, _cache);

    /// <summary>Opens the round (closing 1 March 2025) and the return, with its two contributors.</summary>
    public async Task<(int ReturnId, int Alex, int Sam)> ArrangeAsync()
    {
        await using var db = Database.CreateContext();
        var roundId = await Rounds.OpenDefaultAsync(db, Clock, _cache, new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        var issued = await new InvitationService(db, new AuditLog(db, Clock), Clock).CreateManyAsync(
        [
            new InvitationRequest(roundId, "E07000223", "Alex Smith", "alex@adur.gov.uk", "Head of digital"),
            new InvitationRequest(roundId, "E07000223", "Sam Jones", "sam@adur.gov.uk", "Data protection officer"),
        ], "test");
        var alex = await Service(db).EnsureContributorAsync(issued[0].Invitation);
        var sam = await Service(db).EnsureContributorAsync(issued[1].Invitation);
        Assert.Equal(alex.ReturnId, sam.ReturnId);
        return (alex.ReturnId, alex.Id, sam.Id);
    }

    public void Dispose()
    {
        _gate.Dispose();
        Database.Dispose();
    }
}
