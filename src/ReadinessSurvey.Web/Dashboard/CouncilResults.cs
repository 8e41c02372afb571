using ReadinessSurvey.Aggregation;

namespace ReadinessSurvey.Web.Dashboard;

/// <summary>
/// The one place the dashboards read per-council results (scores, level, peer positions) and the
/// councils that have not submitted. Today they live in the snapshot's internal JSON, parsed once per
/// snapshot; if they move to rows of their own, only this class changes (it is async for that reason).
/// </summary>
public static class CouncilResults
{
    /// <summary>Every submitted council's result, by name.</summary>
    public static Task<IReadOnlyList<CouncilResult>> AllAsync(DashboardSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(snapshot.View<IReadOnlyList<CouncilResult>>(
            "councils:all", () => [.. snapshot.Source.Content.Councils.OrderBy(c => c.Name, StringComparer.Ordinal)]));
    }

    /// <summary>A submitted council's result, or null when it had not submitted when the snapshot was taken.</summary>
    public static Task<CouncilResult?> FindAsync(DashboardSnapshot snapshot, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        var byCode = snapshot.View("councils:by-code", () => snapshot.Source.Content.Councils.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase));
        return Task.FromResult(byCode.GetValueOrDefault(code));
    }

    /// <summary>A registered council without a submitted return in the snapshot, or null.</summary>
    public static Task<CouncilStatus?> FindNotSubmittedAsync(DashboardSnapshot snapshot, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        var byCode = snapshot.View("councils:not-submitted", () => snapshot.Source.Content.Responses.NotSubmitted.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase));
        return Task.FromResult(byCode.GetValueOrDefault(code));
    }
}
