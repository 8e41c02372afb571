using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Surveys;

/// <summary>Creates, opens and closes survey rounds.</summary>
public sealed class RoundService(ReadinessDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Creates a round on a stored definition version and opens it.</summary>
    public async Task<SurveyRound> OpenAsync(OpenRoundRequest request, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("Enter a name for the round.");
        }
        else if (request.Name.Length > 200)
        {
            errors.Add("The round's name must be 200 characters or fewer.");
        }

        var definition = await db.SurveyDefinitions
            .Where(d => d.SurveyId == request.SurveyId && (request.Version == null || d.Version == request.Version))
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (definition is null)
        {
            errors.Add(request.Version is null
                ? $"No survey definition with id '{request.SurveyId}' is stored. Import it first with 'survey import'."
                : $"Version {request.Version} of survey '{request.SurveyId}' is not stored. Import it first with 'survey import'.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var opens = request.OpensAt ?? now;
        if (request.ClosesAt <= opens)
        {
            errors.Add($"The closing date ({request.ClosesAt:yyyy-MM-dd HH:mm}) must be after the opening date ({opens:yyyy-MM-dd HH:mm}).");
        }

        if (request.ClosesAt <= now)
        {
            errors.Add($"The closing date ({request.ClosesAt:yyyy-MM-dd HH:mm}) is in the past.");
        }

        if (!string.IsNullOrWhiteSpace(request.Name) && await db.Rounds.AnyAsync(r => r.Name == request.Name, cancellationToken))
        {
            errors.Add($"A round called '{request.Name}' already exists.");
        }

        if (errors.Count > 0)
        {
            throw new RoundException(errors);
        }

        var round = new SurveyRound
        {
            Name = request.Name.Trim(),
            DefinitionVersionId = definition!.Id,
            OpensAt = opens,
            ClosesAt = request.ClosesAt,
            Status = RoundStatus.Open,
            CreatedAt = now,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, "round.opened", $"round:{round.Id}", $"{definition.SurveyId} v{definition.Version}");
        await db.SaveChangesAsync(cancellationToken);
        round.DefinitionVersion = definition;
        return round;
    }

    /// <summary>Closes an open round: invitations stop working and no more changes are accepted.</summary>
    public async Task<SurveyRound> CloseAsync(int roundId, string actor, CancellationToken cancellationToken = default)
    {
        var round = await db.Rounds.FindAsync([roundId], cancellationToken)
            ?? throw new RoundException([$"There is no round with id {roundId}."]);
        if (round.Status == RoundStatus.Closed)
        {
            throw new RoundException([$"Round {roundId} is already closed."]);
        }

        round.Status = RoundStatus.Closed;
        audit.Record(actor, "round.closed", $"round:{round.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return round;
    }

    public Task<List<SurveyRound>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Rounds.Include(r => r.DefinitionVersion).OrderBy(r => r.Id).ToListAsync(cancellationToken);
}

/// <summary>What is needed to open a round. <see cref="Version"/> null means the latest stored version.</summary>
public sealed record OpenRoundRequest(string Name, string SurveyId, int? Version, DateTime? OpensAt, DateTime ClosesAt);

/// <summary>A round could not be changed; each message says why.</summary>
public sealed class RoundException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
