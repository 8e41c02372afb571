using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Dashboard;

/// <summary>One council's scores against its peers (all councils, its type, its region): internal figures.</summary>
public static class CouncilViews
{
    private static readonly string[] _peerBreakdowns = [Breakdowns.Sector, Breakdowns.Type, Breakdowns.Region];

    public static DashboardView Scores(DashboardSnapshot s, CouncilResult council)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(council);
        return s.View("council:" + council.Code, () =>
        {
            var dimensions = s.About.Dimensions.Select(d => (d.Id, d.Label)).Prepend((Id: DimensionSummaryRow.OverallId, Label: "Overall")).ToList();
            double? Score(string id) => id == DimensionSummaryRow.OverallId
                ? council.OverallScore
                : council.Dimensions.FirstOrDefault(d => d.DimensionId == id)?.Score;
            PeerPosition? Peer(string id, string breakdown) => council.Peers.FirstOrDefault(p => p.DimensionId == id && p.Breakdown == breakdown);
            string PeerName(string breakdown) => breakdown switch
            {
                Breakdowns.Sector => "All councils",
                Breakdowns.Type => s.Source.GroupLabel(Breakdowns.Type, council.TypeCode),
                _ => s.Source.GroupLabel(Breakdowns.Region, council.RegionCode),
            };

            var series = new List<BarSeries> { new(council.Name, dimensions.Select(d => new BarPoint(Score(d.Id), 1)).ToList()) };
            series.AddRange(_peerBreakdowns.Select(b => new BarSeries(PeerName(b) + " median", dimensions.Select(d => Peer(d.Id, b) is { } p
                ? new BarPoint(p.Median, p.N, p.LowerQuartile, p.UpperQuartile)
                : new BarPoint(null, 0)).ToList())));
            var chart = ReportCharts.CouncilScores(council.Name, dimensions.Select(d => d.Label).ToList(), series, new ChartSize(1000, 560));

            List<string> headers = ["Dimension", "Score", "Status"];
            foreach (var b in _peerBreakdowns)
            {
                headers.AddRange([$"{PeerName(b)}: councils", $"{PeerName(b)}: median", $"{PeerName(b)}: percentile"]);
            }

            var rows = dimensions.Select(d =>
            {
                var status = d.Id == DimensionSummaryRow.OverallId
                    ? (council.OverallScore is null ? "Insufficient data" : "Scored")
                    : StatusText(council.Dimensions.FirstOrDefault(x => x.DimensionId == d.Id)?.Status);
                List<string> row = [d.Label, Figures.Number(Score(d.Id)), status];
                foreach (var b in _peerBreakdowns)
                {
                    var p = Peer(d.Id, b);
                    row.AddRange([Figures.Count(p?.N), Figures.Number(p?.Median), Figures.Number(p?.Percentile, "0")]);
                }

                return (IReadOnlyList<string>)row;
            }).ToList();
            var table = new ChartTable("Scores against peers", headers, rows);
            return new DashboardView([DashboardChart.From(chart, table)], []);
        });
    }

    /// <summary>The council's answers as a table, in survey order (read per request: they are the council's own record, not aggregates).</summary>
    public static ChartTable Answers(SurveyDefinition definition, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        var rows = definition.Sections.SelectMany(section => section.Questions
                .Where(q => answers.ContainsKey(q.Id))
                .Select(q => (IReadOnlyList<string>)[section.Title, q.Id, q.Text, AnswerDisplay.Text(q, answers[q.Id])]))
            .ToList();
        return new ChartTable("The council's answers", ["Section", "Question", "Question text", "Answer"], rows);
    }

    private static string StatusText(string? status) => status switch
    {
        "scored" => "Scored",
        null => "Not scored",
        _ => "Insufficient data",
    };
}
