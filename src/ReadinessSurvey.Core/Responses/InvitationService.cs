using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Responses;

/// <summary>Creates, revokes, reissues and redeems invitations.</summary>
public sealed class InvitationService(ReadinessDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Checks and creates one invitation; the token is returned once and never stored.</summary>
    public async Task<IssuedInvitation> CreateAsync(InvitationRequest request, string actor, CancellationToken cancellationToken = default)
    {
        var issued = await CreateManyAsync([request], actor, cancellationToken);
        return issued[0];
    }

    /// <summary>Checks every request first; creates all of them in one transaction, or none.</summary>
    public async Task<IReadOnlyList<IssuedInvitation>> CreateManyAsync(
        IReadOnlyList<InvitationRequest> requests, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var errors = new List<string>();
        var rounds = new Dictionary<int, SurveyRound?>();
        var codes = requests.Select(r => r.CouncilCode.Trim().ToUpperInvariant()).Distinct().ToList();
        var councils = await db.Councils.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            var where = r.Source ?? (requests.Count > 1 ? $"Invitation {i + 1}" : "Invitation");
            if (!rounds.TryGetValue(r.RoundId, out var round))
            {
                round = rounds[r.RoundId] = await db.Rounds.FindAsync([r.RoundId], cancellationToken);
            }

            if (round is null)
            {
                errors.Add($"{where}: there is no round with id {r.RoundId}.");
            }
            else if (round.Status != RoundStatus.Open || round.ClosesAt <= now)
            {
                errors.Add($"{where}: round {r.RoundId} is not open, so nobody can be invited to it.");
            }

            if (!councils.ContainsKey(r.CouncilCode.Trim().ToUpperInvariant()))
            {
                errors.Add($"{where}: there is no council with code '{r.CouncilCode}' in the register.");
            }

            errors.AddRange(CheckPerson(where, r));
        }

        if (errors.Count > 0)
        {
            throw new InvitationException(errors);
        }

        // Built inside the unit of work: a retry after a transient failure starts again with new tokens.
        return await db.InTransactionAsync(async ct =>
        {
            var issued = new List<IssuedInvitation>();
            foreach (var r in requests)
            {
                var round = rounds[r.RoundId]!;
                var council = councils[r.CouncilCode.Trim().ToUpperInvariant()];
                var token = InvitationTokens.NewToken();
                var invitation = new Invitation
                {
                    RoundId = round.Id,
                    CouncilId = council.Id,
                    Name = r.Name.Trim(),
                    Email = r.Email.Trim(),
                    Role = r.Role.Trim(),
                    TokenHash = InvitationTokens.Hash(token),
                    CreatedAt = now,
                    ExpiresAt = round.ClosesAt,
                };
                db.Invitations.Add(invitation);
                issued.Add(new IssuedInvitation(invitation, council.Code, council.Name, token));
            }

            await db.SaveChangesAsync(ct);
            foreach (var i in issued)
            {
                audit.Record(actor, "invitation.created", $"invitation:{i.Invitation.Id}", $"council {i.CouncilCode}, round {i.Invitation.RoundId}");
            }

            await db.SaveChangesAsync(ct);
            return (IReadOnlyList<IssuedInvitation>)issued;
        }, cancellationToken);
    }

    /// <summary>Stops an invitation's link from working, at once.</summary>
    public async Task<Invitation> RevokeAsync(int invitationId, string actor, CancellationToken cancellationToken = default)
    {
        var invitation = await FindAsync(invitationId, cancellationToken);
        if (invitation.RevokedAt is null)
        {
            invitation.RevokedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(actor, "invitation.revoked", $"invitation:{invitation.Id}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return invitation;
    }

    /// <summary>Gives an invitation a new token; the old link stops working. A revoked invitation is restored.</summary>
    public async Task<IssuedInvitation> ReissueAsync(int invitationId, string actor, CancellationToken cancellationToken = default)
    {
        var invitation = await FindAsync(invitationId, cancellationToken);
        var round = await db.Rounds.SingleAsync(r => r.Id == invitation.RoundId, cancellationToken);
        if (round.Status != RoundStatus.Open)
        {
            throw new InvitationException([$"Round {round.Id} is not open, so invitation {invitationId} cannot be reissued."]);
        }

        var token = InvitationTokens.NewToken();
        invitation.TokenHash = InvitationTokens.Hash(token);
        invitation.RevokedAt = null;
        invitation.ExpiresAt = round.ClosesAt;
        audit.Record(actor, "invitation.reissued", $"invitation:{invitation.Id}");
        await db.SaveChangesAsync(cancellationToken);
        var council = await db.Councils.SingleAsync(c => c.Id == invitation.CouncilId, cancellationToken);
        return new IssuedInvitation(invitation, council.Code, council.Name, token);
    }

    /// <summary>Reissues several invitations in one transaction, all or none (e.g. new links for a chase mail merge).</summary>
    public async Task<IReadOnlyList<IssuedInvitation>> ReissueManyAsync(IReadOnlyList<int> invitationIds, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationIds);
        return await db.InTransactionAsync(async ct =>
        {
            var issued = new List<IssuedInvitation>(invitationIds.Count);
            foreach (var id in invitationIds)
            {
                issued.Add(await ReissueAsync(id, actor, ct));
            }

            return (IReadOnlyList<IssuedInvitation>)issued;
        }, cancellationToken);
    }

    /// <summary>
    /// The invitation behind a token, if it can be used now: not revoked, not expired, its round open.
    /// Every other case gives null, so callers answer them all the same way.
    /// </summary>
    public async Task<Invitation?> FindUsableAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!InvitationTokens.LooksValid(token))
        {
            return null;
        }

        var hash = InvitationTokens.Hash(token!);
        var invitation = await db.Invitations.Include(i => i.Round).SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation is not null && IsUsable(invitation) ? invitation : null;
    }

    /// <summary>True while the invitation may be used.</summary>
    public bool IsUsable(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return invitation.Round is { } round
            && IsUsable(new InvitationState(invitation.RevokedAt, invitation.ExpiresAt, round.Status, round.OpensAt, round.ClosesAt, invitation.TokenHash));
    }

    /// <summary>
    /// True while the invitation with this id may be used. Every signed-in request asks, so it reads
    /// only the five values the rule needs.
    /// </summary>
    public async Task<bool> IsUsableAsync(int invitationId, CancellationToken cancellationToken = default) =>
        await StateAsync(invitationId, cancellationToken) is { } state && IsUsable(state);

    /// <summary>
    /// As <see cref="IsUsableAsync(int, CancellationToken)"/>, and the link is still the one with this token
    /// hash: a session opened with a link that was since reissued ends with it.
    /// </summary>
    public async Task<bool> IsUsableAsync(int invitationId, string tokenHash, CancellationToken cancellationToken = default) =>
        await StateAsync(invitationId, cancellationToken) is { } state && IsUsable(state)
            && string.Equals(state.TokenHash, tokenHash, StringComparison.Ordinal);

    private Task<InvitationState?> StateAsync(int invitationId, CancellationToken cancellationToken) =>
        db.Invitations.AsNoTracking()
            .Where(i => i.Id == invitationId)
            .Select(i => new InvitationState(i.RevokedAt, i.ExpiresAt, i.Round!.Status, i.Round.OpensAt, i.Round.ClosesAt, i.TokenHash))
            .FirstOrDefaultAsync(cancellationToken);

    private bool IsUsable(InvitationState state)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return state.RevokedAt is null
            && state.ExpiresAt > now
            && state.RoundStatus == RoundStatus.Open
            && state.OpensAt <= now
            && state.ClosesAt > now;
    }

    private sealed record InvitationState(DateTime? RevokedAt, DateTime ExpiresAt, RoundStatus RoundStatus, DateTime OpensAt, DateTime ClosesAt, string TokenHash);

    private async Task<Invitation> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.Invitations.FindAsync([id], cancellationToken)
            ?? throw new InvitationException([$"There is no invitation with id {id}."]);

    private static IEnumerable<string> CheckPerson(string where, InvitationRequest r)
    {
        if (string.IsNullOrWhiteSpace(r.Name))
        {
            yield return $"{where}: enter the person's name.";
        }
        else if (r.Name.Length > 200)
        {
            yield return $"{where}: the name must be 200 characters or fewer.";
        }

        if (string.IsNullOrWhiteSpace(r.Role))
        {
            yield return $"{where}: enter the person's role, e.g. Head of digital.";
        }
        else if (r.Role.Length > 200)
        {
            yield return $"{where}: the role must be 200 characters or fewer.";
        }

        if (!IsEmail(r.Email))
        {
            yield return $"{where}: '{r.Email}' is not an email address in the correct format, like name@example.gov.uk.";
        }
    }

    private static bool IsEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= 320
        && MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim() && email.Contains('.', StringComparison.Ordinal);
}

/// <summary>Who to invite, for which council and round. <see cref="Source"/> locates the request in an import file.</summary>
public sealed record InvitationRequest(int RoundId, string CouncilCode, string Name, string Email, string Role, string? Source = null);

/// <summary>A created or reissued invitation, with its token: show or send it once, it is not stored.</summary>
public sealed record IssuedInvitation(Invitation Invitation, string CouncilCode, string CouncilName, string Token)
{
    public string Link(Uri baseUrl) => new Uri(baseUrl, $"respond/start/{Token}").ToString();
}

/// <summary>Invitations could not be created or changed; each message says why and where.</summary>
public sealed class InvitationException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
