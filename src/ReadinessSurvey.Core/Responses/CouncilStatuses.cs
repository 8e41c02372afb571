using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Responses;

/// <summary>Where a council stands in a round, as the policy team sees it on the register.</summary>
public enum CouncilRoundState
{
    /// <summary>Nobody at the council holds a usable invitation and no return was started.</summary>
    NoInvitation = 0,
    NotStarted = 1,
    InProgress = 2,
    Submitted = 3,
}

/// <summary>One council's line on the register for a round.</summary>
public sealed record CouncilStatusRow(
    int CouncilId, string Code, string Name, string TypeName, string RegionName, CouncilRoundState State, int ActiveInvitations, DateTime? UpdatedAt);

/// <summary>Filters for the register; an empty list means "any".</summary>
public sealed record CouncilStatusFilter(IReadOnlyCollection<string> Types, IReadOnlyCollection<string> Regions, IReadOnlyCollection<CouncilRoundState> States)
{
    /// <summary>Councils to chase: invited but not started, or started but not submitted.</summary>
    public static readonly IReadOnlyCollection<CouncilRoundState> ChaseStates = [CouncilRoundState.NotStarted, CouncilRoundState.InProgress];

    public bool Matches(CouncilStatusRow row) =>
        (Types.Count == 0 || Types.Contains(row.TypeName))
        && (Regions.Count == 0 || Regions.Contains(row.RegionName))
        && (States.Count == 0 || States.Contains(row.State));
}

/// <summary>The council register with each council's return status in one round.</summary>
public static class CouncilStatuses
{
    /// <summary>
    /// Every council in the register, with its state in the round. The register is a few hundred rows,
    /// so three small queries joined in memory beat one query with correlated sub-selects on both providers.
    /// </summary>
    public static async Task<IReadOnlyList<CouncilStatusRow>> ForRoundAsync(ReadinessDbContext db, int roundId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var councils = await db.Councils.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Code, c.Name, c.TypeName, c.RegionName }).ToListAsync(cancellationToken);
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.RoundId == roundId && i.RevokedAt == null)
            .GroupBy(i => i.CouncilId).Select(g => new { CouncilId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CouncilId, g => g.Count, cancellationToken);
        var returns = await db.Returns.AsNoTracking().Where(r => r.RoundId == roundId)
            .Select(r => new { r.CouncilId, r.Status, r.UpdatedAt })
            .ToDictionaryAsync(r => r.CouncilId, cancellationToken);

        return councils.Select(c =>
        {
            var active = invitations.GetValueOrDefault(c.Id);
            returns.TryGetValue(c.Id, out var r);
            var state = r?.Status switch
            {
                ReturnStatus.Submitted => CouncilRoundState.Submitted,
                ReturnStatus.InProgress => CouncilRoundState.InProgress,
                _ when active > 0 => CouncilRoundState.NotStarted,
                _ => CouncilRoundState.NoInvitation,
            };
            return new CouncilStatusRow(c.Id, c.Code, c.Name, c.TypeName, c.RegionName, state, active, r?.UpdatedAt);
        }).ToList();
    }

    /// <summary>Plain-English label used on pages and in downloads.</summary>
    public static string Label(CouncilRoundState state) => state switch
    {
        CouncilRoundState.NoInvitation => "No invitation",
        CouncilRoundState.NotStarted => "Not started",
        CouncilRoundState.InProgress => "In progress",
        CouncilRoundState.Submitted => "Submitted",
        _ => state.ToString(),
    };
}
