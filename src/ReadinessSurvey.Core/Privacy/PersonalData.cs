using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Privacy;

/// <summary>
/// What the platform holds about invited council staff: subject access (export), erasure on request,
/// and erasure when the retention period after a round's close has passed. Erasure blanks the
/// invitation's name, email and role and the contributor's name and role, and rewrites the person's audit
/// entries and return history to "a former contributor"; the council's answers, scores and history stay.
/// </summary>
public sealed class PersonalData(ReadinessDbContext db, AuditLog audit, TimeProvider clock, IOptions<PrivacyOptions> options)
{
    /// <summary>What erased people are called from then on.</summary>
    public const string FormerContributor = "a former contributor";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Everything held about the person with this email address, as JSON (an empty list of invitations if nothing).</summary>
    public async Task<string> ExportAsync(string email, CancellationToken cancellationToken = default)
    {
        var invitations = await ByEmail(email).Include(i => i.Round).Include(i => i.Council).AsNoTracking()
            .OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var ids = invitations.Select(i => i.Id).ToList();
        var contributors = await db.Contributors.AsNoTracking().Where(c => ids.Contains(c.InvitationId)).ToListAsync(cancellationToken);
        var contributorIds = contributors.Select(c => c.Id).ToList();
        var messages = await db.EmailMessages.AsNoTracking().Where(m => ids.Contains(m.InvitationId)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var actors = contributorIds.Select(Actor).ToList();
        var targets = ids.Select(Target).ToList();
        var events = await db.AuditEvents.AsNoTracking().Where(e => actors.Contains(e.Actor) || (e.Target != null && targets.Contains(e.Target)))
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var answered = await db.Answers.AsNoTracking().Where(a => a.UpdatedByContributorId != null && contributorIds.Contains(a.UpdatedByContributorId.Value))
            .GroupBy(a => a.UpdatedByContributorId).Select(g => new { Contributor = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var own = await db.ContributorAnswers.AsNoTracking().Where(a => contributorIds.Contains(a.ContributorId))
            .OrderBy(a => a.QuestionId).ToListAsync(cancellationToken);

        var export = new
        {
            Email = email.Trim(),
            ExportedAt = clock.GetUtcNow().UtcDateTime,
            Invitations = invitations.Select(i => new
            {
                i.Id,
                Round = i.Round!.Name,
                Council = i.Council!.Name,
                CouncilCode = i.Council.Code,
                i.Name,
                i.Email,
                i.Role,
                i.CreatedAt,
                i.ExpiresAt,
                i.RevokedAt,
                i.LastUsedAt,
                Contributions = contributors.Where(c => c.InvitationId == i.Id).Select(c => new
                {
                    c.ReturnId,
                    c.Name,
                    c.Role,
                    c.FirstSeenAt,
                    c.LastSeenAt,
                    AnswersLastChangedByThem = answered.Where(a => a.Contributor == c.Id).Sum(a => a.Count),
                    AnswersAboutThemselves = own.Where(a => a.ContributorId == c.Id).Select(a => new { Question = a.QuestionId, Answer = JsonSerializer.Deserialize<JsonElement>(a.ValueJson), a.UpdatedAt }),
                }),
                Emails = messages.Where(m => m.InvitationId == i.Id).Select(m => new { m.Kind, m.Status, m.QueuedAt, m.SentAt, m.Attempts, m.FailureReason }),
            }),
            AuditEntries = events.Select(e => new { e.At, e.Actor, e.Action, e.Target, e.Details }),
        };
        return JsonSerializer.Serialize(export, Json);
    }

    /// <summary>Erases the person with this email address now (right to erasure). Returns how many invitations were erased.</summary>
    public async Task<int> EraseAsync(string email, string actor, CancellationToken cancellationToken = default)
    {
        var ids = await ByEmail(email).Where(i => i.ErasedAt == null).Select(i => i.Id).ToListAsync(cancellationToken);
        return await EraseAsync(ids, actor, "on request", cancellationToken);
    }

    /// <summary>
    /// Erases everyone invited to rounds closed more than <c>Privacy:RetainContactsMonths</c> ago. Running it
    /// again changes nothing; it audits only runs that erased someone.
    /// </summary>
    public async Task<int> EraseExpiredAsync(string actor, CancellationToken cancellationToken = default)
    {
        // Counted from the round's closing date, also for a round an admin closed early: the period is a minimum.
        var cutoff = clock.GetUtcNow().UtcDateTime.AddMonths(-options.Value.RetainContactsMonths);
        var ids = await db.Invitations
            .Where(i => i.ErasedAt == null && i.Round!.ClosesAt <= cutoff)
            .Select(i => i.Id).ToListAsync(cancellationToken);
        return await EraseAsync(ids, actor, $"retention: rounds closed more than {options.Value.RetainContactsMonths} months ago", cancellationToken);
    }

    private async Task<int> EraseAsync(List<int> invitationIds, string actor, string why, CancellationToken cancellationToken)
    {
        if (invitationIds.Count == 0)
        {
            return 0;
        }

        return await db.InTransactionAsync(async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var invitations = await db.Invitations.Where(i => invitationIds.Contains(i.Id) && i.ErasedAt == null).ToListAsync(cancellationToken);
            foreach (var i in invitations)
            {
                i.Name = FormerContributor;
                i.Email = "";
                i.Role = "";
                i.ErasedAt = now;
                i.RevokedAt ??= now;
            }

            var ids = invitations.Select(i => i.Id).ToList();
            var contributors = await db.Contributors.Where(c => ids.Contains(c.InvitationId)).ToListAsync(cancellationToken);
            foreach (var c in contributors)
            {
                c.Name = FormerContributor;
                c.Role = "";
            }

            var contributorIds = contributors.Select(c => c.Id).ToList();

            // Their answers about themselves (e.g. their role) are personal data too; the council's answers stay.
            var ownAnswers = await db.ContributorAnswers.Where(a => contributorIds.Contains(a.ContributorId)).ToListAsync(cancellationToken);
            db.ContributorAnswers.RemoveRange(ownAnswers);

            var history = await db.SubmissionEvents.Where(e => e.ContributorId != null && contributorIds.Contains(e.ContributorId.Value)).ToListAsync(cancellationToken);
            foreach (var e in history)
            {
                e.Actor = FormerContributor;
            }

            var actors = contributorIds.Select(Actor).ToList();
            var entries = await db.AuditEvents.Where(e => actors.Contains(e.Actor)).ToListAsync(cancellationToken);
            foreach (var e in entries)
            {
                e.Actor = FormerContributor;
            }

            // Failure reasons are scrubbed of the address when recorded; clear them anyway.
            await db.EmailMessages.Where(m => ids.Contains(m.InvitationId) && m.FailureReason != null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.FailureReason, "Erased"), cancellationToken);

            audit.Record(actor, "people.erased", null,
                $"{invitations.Count} invitations, {contributors.Count} contributors, {entries.Count} audit entries pseudonymised, {ownAnswers.Count} answers about themselves deleted; {why}");
            await db.SaveChangesAsync(token);
            return invitations.Count;
        }, cancellationToken);
    }

    private IQueryable<Responses.Invitation> ByEmail(string email)
    {
        var address = (email ?? "").Trim().ToUpperInvariant();
        if (address.Length == 0)
        {
            throw new ArgumentException("Give the person's email address.", nameof(email));
        }

        // Translated to SQL UPPER(...), so the comparison is the database's, not the current culture's.
#pragma warning disable CA1304, CA1311, CA1862
        return db.Invitations.Where(i => i.Email.ToUpper() == address);
#pragma warning restore CA1304, CA1311, CA1862
    }

    private static string Actor(int contributorId) => $"contributor:{contributorId}";

    private static string Target(int invitationId) => $"invitation:{invitationId}";
}
