using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;
using ReadinessSurvey.Email;

namespace ReadinessSurvey.Web.Admin;

/// <summary>How the admin pages show what became of the emails to invited people.</summary>
public static class EmailDisplay
{
    public static string Status(EmailStatus status) => status switch
    {
        EmailStatus.Sent => "Sent",
        EmailStatus.Failed => "Failed",
        _ => "Queued",
    };

    public static string TagClass(EmailStatus status) => status switch
    {
        EmailStatus.Sent => "govuk-tag--green",
        EmailStatus.Failed => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string Kind(EmailKind kind) => kind switch
    {
        EmailKind.Invitation => "Invitation",
        EmailKind.NewLink => "New link",
        _ => "Reminder",
    };

    /// <summary>Every message to the given invitations, newest first within each.</summary>
    public static async Task<ILookup<int, EmailMessage>> ForInvitationsAsync(ReadinessDbContext db, IReadOnlyCollection<int> invitationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var messages = await db.EmailMessages.AsNoTracking().Where(m => invitationIds.Contains(m.InvitationId))
            .OrderByDescending(m => m.Id).ToListAsync(cancellationToken);
        return messages.ToLookup(m => m.InvitationId);
    }

    /// <summary>Per council: how many of its people's latest messages are sent, queued and failed, e.g. "2 sent, 1 failed".</summary>
    public static async Task<IReadOnlyDictionary<int, string>> CouncilSummariesAsync(ReadinessDbContext db, int roundId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.EmailMessages.AsNoTracking()
            .Where(m => m.Invitation!.RoundId == roundId && m.Invitation.RevokedAt == null
                && m.Id == db.EmailMessages.Where(o => o.InvitationId == m.InvitationId).Max(o => o.Id))
            .Select(m => new { m.Invitation!.CouncilId, m.Status })
            .ToListAsync(cancellationToken);
        return latest.GroupBy(m => m.CouncilId).ToDictionary(g => g.Key, g => string.Join(", ",
            new[] { EmailStatus.Sent, EmailStatus.Queued, EmailStatus.Failed }
                .Select(s => (Status: s, Count: g.Count(m => m.Status == s))).Where(c => c.Count > 0)
                .Select(c => $"{c.Count} {Status(c.Status).ToLowerInvariant()}")));
    }
}
