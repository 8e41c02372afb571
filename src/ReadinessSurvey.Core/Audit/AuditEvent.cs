namespace ReadinessSurvey.Audit;

/// <summary>Who did what, when. Never holds tokens, passwords or answers.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The user or contributor, or "cli" / "system".</summary>
    public required string Actor { get; set; }

    /// <summary>A dotted verb such as "round.opened" or "invitation.revoked".</summary>
    public required string Action { get; set; }

    public string? Target { get; set; }

    public string? Details { get; set; }
}
