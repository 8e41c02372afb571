namespace ReadinessSurvey.Responses;

/// <summary>A person contributing to a return, through their own invitation.</summary>
public sealed class Contributor
{
    public int Id { get; set; }

    public int ReturnId { get; set; }

    public CouncilReturn? Return { get; set; }

    public int InvitationId { get; set; }

    public Invitation? Invitation { get; set; }

    public required string Name { get; set; }

    public required string Role { get; set; }

    public DateTime FirstSeenAt { get; set; }

    public DateTime LastSeenAt { get; set; }
}
