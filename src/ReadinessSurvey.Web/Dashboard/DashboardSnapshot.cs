using System.Collections.Concurrent;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting.Mapping;
using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Web.Dashboard;

/// <summary>
/// One aggregate snapshot, parsed once and shared by every dashboard request while it is current:
/// the round's report source (definition and both views), the internal sector report model built from
/// it (the same figures as the internal sector workbook), the round's snapshot history, and the views
/// built from them (charts, tables), each built once. Immutable apart from that view cache.
/// </summary>
public sealed class DashboardSnapshot
{
    /// <summary>
    /// Views kept per snapshot. A question view exists per filter combination (about 4,000 for a
    /// round), so the cache is bounded; past the bound a view is built per request instead.
    /// </summary>
    public const int MaxCachedViews = 600;

    private readonly ConcurrentDictionary<string, Lazy<object>> _views = new(StringComparer.Ordinal);

    public DashboardSnapshot(ReportSource source, IReadOnlyList<SnapshotSummary> history)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
        History = history;
        Model = SectorReportMapper.Map(source, published: false);
        About = Model.About;
    }

    public long SnapshotId => Source.Snapshot.Id;

    public int RoundId => Source.RoundId;

    public ReportSource Source { get; }

    /// <summary>The internal sector report model (without free text).</summary>
    public SectorReportModel Model { get; }

    /// <summary>Round, survey, data date, dimensions and levels, as every workbook's About sheet gives them.</summary>
    public ReportAbout About { get; }

    /// <summary>Every snapshot of the round up to this one, oldest first.</summary>
    public IReadOnlyList<SnapshotSummary> History { get; }

    /// <summary>The groups of a breakdown (council types, regions) in snapshot order.</summary>
    public IReadOnlyList<GroupInfo> GroupsOf(string breakdown) => View("groups:" + breakdown, () => Source.Content.Groups.Where(g => g.Breakdown == breakdown).ToList());

    /// <summary>A view built once per snapshot (and key), or built afresh when the cache is full.</summary>
    public T View<T>(string key, Func<T> build)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        if (_views.TryGetValue(key, out var cached))
        {
            return (T)cached.Value;
        }

        if (_views.Count >= MaxCachedViews)
        {
            return build();
        }

        // Lazy: two requests for the same new view build it once.
        return (T)_views.GetOrAdd(key, _ => new Lazy<object>(build)).Value;
    }
}
