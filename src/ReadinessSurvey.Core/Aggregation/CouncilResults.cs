namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Turns a snapshot's per-council rows back into the <see cref="CouncilResult"/>s of its internal view.
/// A peer group's n, median and quartiles are the dimension's statistics for that group, already in the
/// view's <see cref="SnapshotContent.Dimensions"/>; the rows add each council's own scores and percentiles.
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

        return [.. councils.OrderBy(c => c.Code, StringComparer.Ordinal).Select(council =>
        {
            var scores = council.Scores.ToDictionary(s => s.DimensionId, StringComparer.Ordinal);
            var peers = new List<PeerPosition>();
            foreach (var id in dimensionIds)
            {
                var own = scores.GetValueOrDefault(id);
                foreach (var breakdown in PeerBreakdowns)
                {
                    var group = breakdown switch
                    {
                        Breakdowns.Sector => Breakdowns.AllGroup,
                        Breakdowns.Type => council.TypeCode,
                        _ => council.RegionCode,
                    };
                    var percentile = breakdown switch
                    {
                        Breakdowns.Sector => own?.SectorPercentile,
                        Breakdowns.Type => own?.TypePercentile,
                        _ => own?.RegionPercentile,
                    };
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
}
