using System.Buffers.Binary;
using System.Text.RegularExpressions;
using ReadinessSurvey.Reporting.Charts;

namespace ReadinessSurvey.Tests.Reporting.Charts;

/// <summary>
/// Every kind of chart, drawn from a small (30 councils) and a full (339) seeded round, checked from its
/// SVG against the Analysis Function's guidance: axis ranges, ticks, text that neither overlaps nor leaves
/// the chart, few colours, n stated, withheld values marked, and alt text that says what the chart shows.
/// Each test gathers every failing chart before failing, so one run shows them all. (The rounds are seeded
/// into SQLite; the charts do not depend on the database, so these are not rerun on PostgreSQL.)
/// </summary>
[Collection(DemoRounds.Name)]
[Trait("Category", "Slow")]
public sealed class ChartQualityTests(ChartRounds rounds)
{
    public static TheoryData<int> Sizes => [ChartRounds.Small, ChartRounds.Full];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Percentage_and_score_axes_run_from_0_to_100_exactly(int councils)
    {
        var failures = new List<string>();
        foreach (var (c, svg) in Charts(councils, AxisKind.Hundred, AxisKind.Diverging))
        {
            var ticks = c.Horizontal ? svg.NumbersBelow() : svg.NumbersLeft();
            var expected = c.Axis == AxisKind.Hundred ? new double[] { 0, 20, 40, 60, 80, 100 } : [100, 80, 60, 40, 20, 0, 20, 40, 60, 80, 100];
            // Small multiples side by side: each panel has its own 0 to 100 axis, marked 0, 50 and 100.
            var panels = ticks.Count / 3;
            var sideBySide = ticks.Count > 3 && ticks.Count % 3 == 0 && ticks.Select(t => t.Value).SequenceEqual(Enumerable.Repeat(new double[] { 0, 50, 100 }, panels).SelectMany(v => v));
            if (!sideBySide && !ticks.Select(t => t.Value).SequenceEqual(expected))
            {
                failures.Add($"{c}: ticks {string.Join(", ", ticks.Select(t => t.Value))}");
                continue;
            }

            // The end ticks sit on the ends of the plotting area: the axis is exactly that range.
            var (first, last) = c.Horizontal
                ? (ticks[0].Text.Box.CentreX - svg.DataArea.Left, ticks[^1].Text.Box.CentreX - svg.DataArea.Right)
                : (ticks[0].Text.Box.CentreY - svg.DataArea.Bottom, ticks[^1].Text.Box.CentreY - svg.DataArea.Top);
            if (Math.Abs(first) > 6 || Math.Abs(last) > 6)
            {
                failures.Add($"{c}: end ticks {first:0.#} and {last:0.#} px from the ends of the axis");
            }
        }

        Pass(failures);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Count_and_number_axes_start_at_0_and_counts_have_whole_number_ticks(int councils)
    {
        var failures = new List<string>();
        foreach (var (c, svg) in Charts(councils, AxisKind.WholeNumbers, AxisKind.FromZero))
        {
            var ticks = (c.Horizontal ? svg.NumbersBelow() : svg.NumbersLeft()).Select(t => t.Value).ToList();
            if (ticks.Count < 2 || ticks[0] != 0 || !ticks.SequenceEqual(ticks.Order()))
            {
                failures.Add($"{c}: ticks {string.Join(", ", ticks)}");
            }
            else if (c.Axis == AxisKind.WholeNumbers && ticks.Any(t => t != Math.Floor(t)))
            {
                failures.Add($"{c}: fractional council counts {string.Join(", ", ticks)}");
            }
        }

        Pass(failures);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void No_text_overlaps_other_text_or_leaves_the_chart_or_its_plotting_area(int councils)
    {
        var failures = new List<string>();
        foreach (var (c, svg) in Charts(councils))
        {
            failures.AddRange(svg.Rects.Where(r => !r.Box.Inside(svg.Canvas)).Select(r => $"{c}: a box ({r.Fill}) leaves the chart ({r.Box})"));
            var texts = svg.Texts;
            for (var i = 0; i < texts.Count; i++)
            {
                if (!texts[i].Box.Inside(svg.Canvas))
                {
                    failures.Add($"{c}: \"{texts[i].Content}\" leaves the chart ({texts[i].Box})");
                }

                // 3 px of slack: the last glyph's width is a guess (0.6 of the font size), and ")" is half that.
                if (texts[i].Clip is { } clip && !texts[i].Box.Inside(clip, tolerance: 3))
                {
                    failures.Add($"{c}: \"{texts[i].Content}\" is cut off at the edge of its area ({texts[i].Box} outside {clip})");
                }

                for (var j = i + 1; j < texts.Count; j++)
                {
                    if (texts[i].Box.Overlaps(texts[j].Box))
                    {
                        failures.Add($"{c}: \"{texts[i].Content}\" overlaps \"{texts[j].Content}\"");
                    }
                }
            }
        }

        Pass(failures);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Each_chart_uses_at_most_five_colours(int councils)
    {
        var failures = Charts(councils)
            .Select(x => (x.Case, Fills: x.Svg.Fills.Distinct().ToList()))
            .Where(x => x.Fills.Count > 5)
            .Select(x => $"{x.Case}: {string.Join(", ", x.Fills)}")
            .ToList();

        Pass(failures);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_chart_states_its_n_where_it_says_it_does(int councils)
    {
        var failures = new List<string>();
        foreach (var (c, svg) in Charts(councils))
        {
            // Labels wrap, so "(n" and "withheld)" may be two lines of one label.
            var stated = Regex.Count(svg.AllText.Replace("\n", " ", StringComparison.Ordinal), @"n = \d|n withheld");
            if (stated == 0)
            {
                failures.Add($"{c}: no n");
            }

            // "n for each group in the legend / in its label / in its heading" must be true: one per group at least.
            if (Regex.IsMatch(svg.AllText, @"n for each [a-z ]+ in (the legend|its label|its heading)") && stated < 2)
            {
                failures.Add($"{c}: promises n for each group but states it {stated} time(s)");
            }
        }

        Pass(failures);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_chart_with_withheld_values_says_how_many_and_its_data_never_shows_a_blank_or_zero_for_one(int councils)
    {
        var failures = new List<string>();
        foreach (var (c, svg) in Charts(councils).Where(x => x.Case.Name.StartsWith("published", StringComparison.Ordinal)))
        {
            var table = c.Chart.Table;
            var n = table.Headers.ToList().FindIndex(h => h == "n" || h.StartsWith("n (", StringComparison.Ordinal));
            // The figures withheld: a bar's value, a heat map's cells, an agreement-scale group's row.
            var first = table.Headers[0] == "Category" ? 2 : n + 1;
            var withheld = table.Headers[0] == "Group" && table.Headers.Count > n + 1 && table.Headers[n + 1].Contains("(%", StringComparison.Ordinal)
                ? table.Rows.Count(r => r[n + 1] == ChartRenderer.SuppressedMark)
                : table.Rows.Sum(r => r.Skip(first).Take(table.Headers[0] == "Category" ? 1 : int.MaxValue).Count(v => v == ChartRenderer.SuppressedMark));
            var stated = Regex.Match(svg.AllText.Replace("\n", " ", StringComparison.Ordinal), @"\[c\] (\d+) of (\d+) [a-z]+ withheld");
            if (withheld > 0 && (!stated.Success || stated.Groups[1].Value != withheld.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                failures.Add($"{c}: {withheld} withheld in the data, the chart says '{(stated.Success ? stated.Value : "nothing")}'");
            }

            failures.AddRange(table.Rows.Where(r => r.Any(v => v.Length == 0)).Select(r => $"{c}: a blank figure in row {string.Join('|', r)}"));
        }

        Pass(failures);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Withheld_values_are_marked_as_withheld_and_not_drawn(int councils)
    {
        var failures = new List<string>();
        foreach (var (c, svg) in Charts(councils))
        {
            var withheld = c.Chart.Table.Rows.Count(r => r.Skip(1).Any(v => v == ChartRenderer.SuppressedMark));
            if (withheld > 0 && !svg.AllText.Contains("withheld", StringComparison.Ordinal))
            {
                failures.Add($"{c}: {withheld} rows withheld in the table but nothing marked withheld");
            }

            if (!c.Name.StartsWith("published", StringComparison.Ordinal) && c.Name != "council profile" && svg.AllText.Contains(ChartRenderer.SuppressedMark, StringComparison.Ordinal))
            {
                failures.Add($"{c}: an internal chart withholds values");
            }
        }

        Assert.Contains(Charts(councils), x => x.Svg.AllText.Contains("[c] withheld", StringComparison.Ordinal));
        Pass(failures);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Heat_map_cells_are_rectangles_centred_on_their_labels(int councils)
    {
        foreach (var (c, svg) in Charts(councils, AxisKind.None))
        {
            Assert.False(svg.HasBitmap, $"{c} embeds a bitmap");
            var cells = svg.Rects.Where(r => r.Fill is not ("" or "none") && r.Box.Inside(svg.DataArea) && r.Box.Right - r.Box.Left > 20).Select(r => r.Box).ToList();
            var rows = c.Chart.Table.Rows.Count;
            var columns = c.Chart.Table.Headers.Count - 2;
            Assert.Equal(rows * columns, cells.Count);
            var rowLabels = svg.Texts.Where(t => !t.InDataArea && t.Box.Right <= svg.DataArea.Left + 1 && t.Content.Contains("(n ", StringComparison.Ordinal)).ToList();
            Assert.Equal(rows, rowLabels.Count);
            // A label's middle is 0.3 of the font size above its baseline; its row's cells are centred there.
            Assert.All(rowLabels, l => Assert.Contains(cells, cell => Math.Abs(cell.CentreY - (l.Box.Bottom - (0.5 * l.FontSize))) < 3));
            Assert.All(cells, cell => Assert.Contains(svg.Texts, t => t.InDataArea && Math.Abs(t.Box.CentreX - cell.CentreX) < 8 && t.Box.Inside(cell)));
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Alt_text_states_a_finding_with_its_numbers_not_only_the_title(int councils)
    {
        var failures = Charts(councils)
            .Select(x => x.Case)
            .Where(c => !c.Chart.AltText.StartsWith(c.Chart.Title, StringComparison.Ordinal)
                        || !Regex.IsMatch(c.Chart.AltText[c.Chart.Title.Length..].Split("n = ")[0], @"\d")
                        && !c.Chart.AltText.Contains("withheld", StringComparison.Ordinal))
            .Select(c => $"{c}: {c.Chart.AltText}")
            .ToList();

        Pass(failures);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_png_for_workbooks_has_the_size_the_svg_states(int councils)
    {
        foreach (var (c, svg) in Charts(councils).Where((_, i) => i % 4 == 0))
        {
            Assert.Equal((double)c.Chart.Width, svg.Width);
            Assert.Equal((double)c.Chart.Height, svg.Height);
            Assert.Equal(c.Chart.Width, BinaryPrimitives.ReadInt32BigEndian(c.Chart.Png.AsSpan(16, 4)));
            Assert.Equal(c.Chart.Height, BinaryPrimitives.ReadInt32BigEndian(c.Chart.Png.AsSpan(20, 4)));
        }
    }

    /// <summary>Fails with every failure listed (Assert.Empty would cut the list short).</summary>
    private static void Pass(List<string> failures)
    {
        if (failures.Count > 0)
        {
            Assert.Fail($"{failures.Count} failures:\n" + string.Join('\n', failures.Take(60)));
        }
    }

    private IEnumerable<(ChartCase Case, ChartSvg Svg)> Charts(int councils, params AxisKind[] kinds) =>
        rounds.Charts(councils).Where(c => kinds.Length == 0 || kinds.Contains(c.Case.Axis));
}
