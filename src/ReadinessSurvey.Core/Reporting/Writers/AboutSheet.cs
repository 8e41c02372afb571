using System.Globalization;
using ReadinessSurvey.Reporting.Excel;
using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Reporting.Writers;

/// <summary>The "About" sheet every workbook carries: method, scoring, suppression, dates and attribution.</summary>
internal static class AboutSheet
{
    public const string SuppressionFootnote =
        "[c] means the figure is suppressed: it is based on too few councils to publish, or it would let a suppressed figure be worked out.";

    /// <summary>What [z] means, in every workbook that can show it.</summary>
    public const string NotApplicableFootnote =
        "[z] means the figure does not apply: no councils in the group answered, so there is no share or score to show.";

    public const string PublishedVersion = "Published: small numbers are suppressed and no council is named.";

    public const string InternalVersion = "Internal: for the LGA policy team only. It shows small numbers and names councils. Do not publish it.";

    public const string CouncilVersion = "For the named council only: its own answers and scores beside its peers. Peer figures based on too few councils are suppressed.";

    public static void Write(ReportWorkbook workbook, ReportAbout about, string version, bool showSuppressionNote, string? extraNote = null)
    {
        var s = workbook.AddSheet("About", "How the survey was run and analysed, and where the data comes from");
        s.Heading(1, 1, about.Title, 16);
        s.Header(3, 1, ["Item", "Detail"]);
        var rows = new List<(string, string)>
        {
            ("Survey round", about.RoundName),
            ("Survey", $"{about.SurveyId}, version {about.SurveyVersion.ToString(CultureInfo.InvariantCulture)}"),
            ("Data as at", about.DataDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)),
            ("Produced", about.GeneratedAt.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            ("Method", about.Method),
            ("Scoring model", about.ScoringModel),
            ("Suppression", about.SuppressionRule),
            ("Version of this workbook", version),
            ("Council data", ReportAbout.CouncilDataAttribution),
        };
        if (showSuppressionNote)
        {
            rows.Add(("[c]", SuppressionFootnote));
        }

        rows.Add(("[z]", NotApplicableFootnote));
        if (extraNote is not null)
        {
            rows.Add(("Note", extraNote));
        }

        var r = 3;
        foreach (var (item, detail) in rows)
        {
            r++;
            s.Text(r, 1, item, bold: true);
            s.Text(r, 2, detail);
        }

        s.Table(3, 1, r, 2, workbook.TableName("About"));
        s.Widen(2, SheetWriter.MaxWidth);

        r += 2;
        if (about.Dimensions.Count > 0)
        {
            s.Heading(r, 1, "Dimensions and weights", 12);
            var header = ++r;
            s.Header(header, 1, ["Dimension", "Weight"]);
            foreach (var d in about.Dimensions)
            {
                r++;
                s.Text(r, 1, d.Label);
                s.Number(r, 2, d.Weight, "0.##");
            }

            s.Table(header, 1, r, 2, workbook.TableName("Dimensions"));
            r += 2;
        }

        if (about.MaturityLevels.Count > 0)
        {
            s.Heading(r, 1, "Maturity levels", 12);
            var header = ++r;
            s.Header(header, 1, ["Level", "Name", "Overall score from"]);
            foreach (var level in about.MaturityLevels)
            {
                r++;
                s.Number(r, 1, level.Level);
                s.Text(r, 2, level.Label);
                s.Number(r, 3, level.MinScore, "0.##");
            }

            s.Table(header, 1, r, 3, workbook.TableName("Levels"));
        }

        s.FreezeHeader(3);
        s.PrintLandscape();
    }
}
