using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Demo;

/// <summary>
/// Writes realistic demo returns for registered councils through the same code paths as real respondents:
/// an invitation per council, its contributor, one save of every answer, then submission (validation and
/// scoring included). The same seed over the same register and round gives the same answers.
/// </summary>
public sealed class DemoReturns(
    ReadinessDbContext db, SurveyLibrary surveys, InvitationService invitations, ReturnService returns, SubmissionService submissions)
{
    public const string Actor = "demo";

    /// <summary>
    /// Submits returns for <paramref name="councils"/> councils (all, when null) picked at random by the
    /// seed from those with no return in the round yet.
    /// </summary>
    public async Task<DemoSeedResult> SeedAsync(int roundId, int? councils, int seed, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (councils is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(councils), "Give at least one council.");
        }

        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no round with id {roundId}.");
        var definition = await surveys.GetAsync(round.DefinitionVersionId, cancellationToken);
        var taken = await db.Returns.Where(r => r.RoundId == roundId).Select(r => r.CouncilId).ToListAsync(cancellationToken);
        var register = await db.Councils.AsNoTracking().Where(c => !taken.Contains(c.Id)).OrderBy(c => c.Code).ToListAsync(cancellationToken);

        // Pick by the seed: shuffle the register in code order, then take the first N.
        var order = new Random(seed);
        var chosen = register.OrderBy(_ => order.Next()).Take(councils ?? register.Count).OrderBy(c => c.Code).ToList();

        var submitted = 0;
        foreach (var council in chosen)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var issued = await invitations.CreateAsync(
                new InvitationRequest(roundId, council.Code, "Demo respondent", $"demo@{council.Code.ToLowerInvariant()}.example.gov.uk", "Demo data"),
                Actor,
                cancellationToken);
            var contributor = await returns.EnsureContributorAsync(issued.Invitation, cancellationToken);
            var answers = new DemoAnswers(new Random(CouncilSeed(seed, council.Code)), ReturnWorkspace.ProfileOf(council)).Answer(definition);
            var changes = answers.Select(a => new AnswerChange(a.Key, a.Value, 0)).ToList();

            var saved = await returns.SaveAsync(contributor.ReturnId, contributor.Id, changes, cancellationToken);
            if (saved.Status != SaveStatus.Saved)
            {
                throw new InvalidOperationException($"Demo answers for {council.Code} were refused ({saved.Status}): {Describe(saved.Errors)}");
            }

            var result = await submissions.SubmitAsync(contributor.ReturnId, contributor.Id, cancellationToken);
            if (!result.Submitted)
            {
                throw new InvalidOperationException($"The demo return for {council.Code} could not be submitted: {Describe(result.Errors)}");
            }

            submitted++;
            db.ChangeTracker.Clear();
            progress?.Report(submitted * 100 / chosen.Count);
        }

        return new DemoSeedResult(roundId, submitted, register.Count - submitted);
    }

    /// <summary>A council's own random stream: its answers do not depend on which other councils are seeded.</summary>
    internal static int CouncilSeed(int seed, string councilCode)
    {
        // FNV-1a: string.GetHashCode differs between processes.
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in councilCode)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7fffffff);
    }

    private static string Describe(IReadOnlyList<AnswerError> errors) =>
        string.Join("; ", errors.Select(e => $"{e.QuestionId}: {e.Message}"));
}

/// <summary>How many demo returns were submitted, and how many councils are left without a return.</summary>
public sealed record DemoSeedResult(int RoundId, int Submitted, int CouncilsLeft);
