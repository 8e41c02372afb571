using ReadinessSurvey.Councils;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Responses;

/// <summary>
/// A named person invited to contribute to their council's return in one round.
/// Only the SHA-256 hash of the link's token is stored; the token itself is shown once.
/// </summary>
public sealed class Invitation
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public SurveyRound? Round { get; set; }

    public int CouncilId { get; set; }

    public Council? Council { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public required string Role { get; set; }

    /// <summary>SHA-256 of the token, lowercase hex.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    /// <summary>When the person's name, email and role were erased (retention or a request); null while held.</summary>
    public DateTime? ErasedAt { get; set; }
}
