namespace ReadinessSurvey.Reporting.Charts;

/// <summary>
/// Text sizes for laying charts out before they are drawn. DejaVu Sans' characters average a little
/// under 0.6 of the font size wide (digits 0.64, lower case about 0.55), so 0.62 of the font size per
/// character errs on the wide side: a label judged to fit does fit.
/// </summary>
internal static class ChartText
{
    public const string FontName = "DejaVu Sans";
    public const float TitleSize = 15;
    public const float LabelSize = 13;
    public const float TickSize = 12;
    public const float ValueSize = 12;
    private const double CharWidth = 0.62;

    public static double Width(string text, float size) => text.Length * size * CharWidth;

    public static double Width(IEnumerable<string> lines, float size) => lines.Select(l => Width(l, size)).DefaultIfEmpty(0).Max();

    /// <summary>Height of a block of lines (1.25 line spacing, as ScottPlot lays them out, plus a little).</summary>
    public static double Height(int lines, float size) => lines * size * 1.3;

    /// <summary>Splits text into lines of at most <paramref name="maxChars"/> characters at spaces (a longer word gets a line of its own).</summary>
    public static IReadOnlyList<string> Wrap(string text, int maxChars)
    {
        const char Joined = '\u00A0';
        var lines = new List<string>();
        // "n = 42" is never split across lines.
        foreach (var paragraph in text.Replace(" = ", $"{Joined}={Joined}", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > maxChars)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = line.Length == 0 ? word : line + " " + word;
                }
            }

            lines.Add(line);
        }

        return [.. lines.Select(l => l.Replace(Joined, ' '))];
    }

    /// <summary>How many characters fit in a width at a font size.</summary>
    public static int CharsIn(double width, float size) => Math.Max(8, (int)(width / (size * CharWidth)));
}
