using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Reporting.Excel;
using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Reporting.Writers;

/// <summary>
/// Writes one council's benchmark workbook: its scores and level against peer groups, its answers
/// against the share of peers giving each answer (small peer figures suppressed), the profile chart
/// and guidance for its weakest dimensions.
/// </summary>
public sealed class CouncilBenchmarkWriter
{
    public static string KindFor(string councilCode) => ReportFileNames.CouncilKind(councilCode);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Writers share one instance shape so callers can hold any of them.")]
    public async Task WriteAsync(CouncilBenchmarkModel model, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var workbook = new ReportWorkbook($"{model.CouncilName}: AI readiness benchmark");
        WriteScores(workbook, model);
        WriteAnswers(workbook, model);
        WriteGuidance(workbook, model);
        AboutSheet.Write(workbook, model.About, AboutSheet.CouncilVersion, showSuppressionNote: true,
            "Peer figures come from the other councils' returns; any based on too few councils are shown as [c].");
        await workbook.SaveAsync(output, cancellationToken);
    }

    private static void WriteScores(ReportWorkbook workbook, CouncilBenchmarkModel model)
    {
        var s = workbook.AddSheet("Scores", "Your scores and maturity level against your peers");
        s.Heading(1, 1, $"{model.CouncilName} ({model.CouncilCode})");
        s.Note(2, 1, $"{model.CouncilType}, {model.Region}. Overall score {model.Overall?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "not available"}, " +
            $"maturity level {model.Level?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {model.LevelLabel}.");
        var peerGroups = model.Scores.SelectMany(x => x.Peers.Select(p => p.PeerGroup)).Distinct().ToList();
        var headers = new List<string> { "Dimension", "Your score" };
        foreach (var g in peerGroups)
        {
            headers.AddRange([$"{g}: councils (n)", $"{g}: median", $"{g}: lower quartile", $"{g}: upper quartile"]);
        }

        s.Header(4, 1, headers);
        var r = 4;
        foreach (var row in model.Scores)
        {
            r++;
            s.Text(r, 1, row.Dimension);
            if (row.CouncilScore is null)
            {
                s.Text(r, 2, "Insufficient data");
            }
            else
            {
                s.Number(r, 2, row.CouncilScore);
            }

            for (var g = 0; g < peerGroups.Count; g++)
            {
                var p = row.Peers.FirstOrDefault(x => x.PeerGroup == peerGroups[g]);
                var c = 3 + (4 * g);
                if (p is null)
                {
                    continue;
                }

                s.NumberOrMark(r, c, p.N, p.Suppressed, SheetWriter.CountFormat, ChartRenderer.SuppressedMark);
                s.NumberOrMark(r, c + 1, p.Median, p.Suppressed, SheetWriter.ScoreFormat, ChartRenderer.SuppressedMark);
                s.NumberOrMark(r, c + 2, p.LowerQuartile, p.Suppressed, SheetWriter.ScoreFormat, ChartRenderer.SuppressedMark);
                s.NumberOrMark(r, c + 3, p.UpperQuartile, p.Suppressed, SheetWriter.ScoreFormat, ChartRenderer.SuppressedMark);
            }
        }

        if (r > 4)
        {
            s.Table(4, 1, r, headers.Count, workbook.TableName("Scores"));
        }

        s.Note(r + 2, 1, AboutSheet.SuppressionFootnote);
        s.FreezeHeader(4, 1);
        s.PrintLandscape();
        if (model.Scores.Count > 0)
        {
            workbook.PlaceChart(s, r + 4, 1, ReportCharts.CouncilProfile(model, threshold: model.About.SuppressionThreshold));
        }
    }

    private static void WriteAnswers(ReportWorkbook workbook, CouncilBenchmarkModel model)
    {
        var s = workbook.AddSheet("Answers", "Your answer to each question and the share of peers giving each answer");
        var peerGroups = model.Answers.SelectMany(a => a.PeerGroups.Select(g => g.Group)).Distinct().ToList();
        var headers = new List<string> { "Question", "Question text", "Section", "Answer", "Your answer" };
        foreach (var g in peerGroups)
        {
            headers.AddRange([$"{g}: %", $"{g}: base (n)"]);
        }

        s.Header(1, 1, headers);
        var r = 1;
        foreach (var answer in model.Answers)
        {
            foreach (var option in answer.Options)
            {
                r++;
                s.Text(r, 1, answer.QuestionId);
                s.Text(r, 2, answer.QuestionText);
                s.Text(r, 3, answer.SectionTitle);
                s.Text(r, 4, option.Option);
                s.Text(r, 5, option.ChosenByCouncil ? "Yes" : "");
                for (var g = 0; g < answer.PeerGroups.Count && g < option.PeerCells.Count; g++)
                {
                    var c = 6 + (2 * peerGroups.IndexOf(answer.PeerGroups[g].Group));
                    var cell = option.PeerCells[g];
                    s.NumberOrMark(r, c, cell.Percent, cell.Suppressed || cell.Count is null, SheetWriter.PercentFormat, ChartRenderer.SuppressedMark);
                    s.NumberOrMark(r, c + 1, answer.PeerGroups[g].Base, answer.PeerGroups[g].BaseSuppressed, SheetWriter.CountFormat, ChartRenderer.SuppressedMark);
                }
            }
        }

        if (r > 1)
        {
            s.Table(1, 1, r, headers.Count, workbook.TableName("Answers"));
        }

        s.Widen(2, 50);
        s.FreezeHeader(1, 1);
        s.PrintLandscape();
    }

    private static void WriteGuidance(ReportWorkbook workbook, CouncilBenchmarkModel model)
    {
        var s = workbook.AddSheet("Guidance", "What to work on next in your weakest dimensions");
        s.Header(1, 1, ["Dimension", "Your score", "Level", "What to do next"]);
        var r = 1;
        foreach (var g in model.Guidance)
        {
            r++;
            s.Text(r, 1, g.Dimension);
            s.Number(r, 2, g.Score);
            s.Number(r, 3, g.Level);
            s.Text(r, 4, g.Advice);
        }

        if (r > 1)
        {
            s.Table(1, 1, r, 4, workbook.TableName("Guidance"));
        }

        s.FreezeHeader(1);
        s.PrintLandscape();
    }
}
