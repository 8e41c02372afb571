using ReadinessSurvey.Aggregation.Statistics;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Turns a snapshot's per-council rows back into the <see cref="CouncilResult"/>s of its internal view.
/// A peer group's n, median and quartiles are the dimension's statistics for that group, already in the
/// view's <see cref="SnapshotContent.Dimensions"/>; each council's percentile is ranked here, once per
/// group (sorted once, then a binary search per council), from the scores in the rows.
/// </summary>
internal static class CouncilResults
{
    private static readonly string[] PeerBreakdowns = [Breakdowns.Sector, Breakdowns.Type, Breakdowns.Region];

    public static List<CouncilResult> From(IEnumerable<SnapshotCouncil> councils, SnapshotContent content)
    {
        var groupStats = content.Dimensions
            .SelectMany(d => d.Groups.Select(g => (d.DimensionId, g.Breakdown, g.Group, g.Scores)))
            .ToDictionary(x => (x.DimensionId, x.Breakdown, x.Group), x => x.Scores);
        var dimensionIds = content.Dimensions.Select(d => d.DimensionId).ToList();
        var list = councils.ToList();
        var sorted = new Dictionary<(string DimensionId, string Breakdown, string Group), List<double>>();
        foreach (var council in list)
        {
            foreach (var score in council.Scores.Where(s => s.Score is not null))
            {
                foreach (var breakdown in PeerBreakdowns)
                {
                    var key = (score.DimensionId, breakdown, GroupOf(council, breakdown));
                    if (!sorted.TryGetValue(key, out var values))
                    {
                        sorted[key] = values = [];
                    }

                    values.Add(score.Score!.Value);
                }
            }
        }

        foreach (var values in sorted.Values)
        {
            values.Sort();
        }

        return [.. list.OrderBy(c => c.Code, StringComparer.Ordinal).Select(council =>
        {
            var scores = council.Scores.ToDictionary(s => s.DimensionId, StringComparer.Ordinal);
            var peers = new List<PeerPosition>();
            foreach (var id in dimensionIds)
            {
                var own = scores.GetValueOrDefault(id);
                foreach (var breakdown in PeerBreakdowns)
                {
                    var group = GroupOf(council, breakdown);
                    var percentile = own?.Score is { } score ? Descriptive.PercentileRankSorted(sorted[(id, breakdown, group)], score) : null;
                    var stats = groupStats[(id, breakdown, group)];
                    peers.Add(new PeerPosition(
                        id, breakdown, group, stats.N ?? 0, stats.Median, stats.LowerQuartile, stats.UpperQuartile,
                        ContentBuilder.Round(percentile), (stats.N ?? 0) >= content.Threshold));
                }
            }

            return new CouncilResult(
                council.Code, council.Name, council.TypeCode, council.RegionCode, council.Tier,
                ContentBuilder.Round(council.OverallScore), council.MaturityLevel,
                [.. council.Scores.Where(s => s.DimensionId != Responses.ReturnScore.Overall)
                    .OrderBy(s => s.DimensionId, StringComparer.Ordinal)
                    .Select(s => new DimensionScore(s.DimensionId, ContentBuilder.Round(s.Score), s.Status))],
                peers);
        })];
    }

    private static string GroupOf(SnapshotCouncil council, string breakdown) => breakdown switch
    {
        Breakdowns.Sector => Breakdowns.AllGroup,
        Breakdowns.Type => council.TypeCode,
        _ => council.RegionCode,
    };
}
