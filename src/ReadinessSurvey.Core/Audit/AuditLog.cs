using ReadinessSurvey.Data;

namespace ReadinessSurvey.Audit;

/// <summary>Adds audit events to the current unit of work; they are saved with the change they describe.</summary>
public sealed class AuditLog(ReadinessDbContext db, TimeProvider clock)
{
    public void Record(string actor, string action, string? target = null, string? details = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            Target = target,
            Details = details,
        });
}
