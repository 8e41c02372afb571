using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Aggregation.Disclosure;

namespace ReadinessSurvey.Tests.Aggregation.Disclosure;

public sealed class LinkedAuditTests
{
    // A small register: North East has unitaries and metropolitan districts; London and Wales are each one type.
    private static readonly RegisterAtom[] Atoms =
    [
        new("UA", "NE", "unitary", 5),
        new("MD", "NE", "unitary", 7),
        new("UA", "SE", "unitary", 20),
        new("NMD", "SE", "lower", 100),
        new("CTY", "SE", "upper", 21),
        new("LBO", "LON", "unitary", 33),
        new("WPA", "WAL", "unitary", 22),
        new("MD", "NW", "unitary", 30),
    ];

    private static readonly AuditFamily Response = new(LinkedAudit.ResponseFamily, [LinkedAudit.SubmittedRow], null, RowRule.None);

    // The example: all 71; types published but London boroughs and Welsh unitaries; regions
    // published but North East, London and Wales. London + Wales = 71 - 61 = 10 from the types, so
    // North East = 71 - 58 - 10 = 3 from the regions.
    private static readonly AuditFamily ExampleFamily = new("question:G1", ["on_premises"], null, RowRule.None);

    private static readonly AuditCell[] ExampleCells =
    [
        G1(Breakdowns.Sector, Breakdowns.AllGroup, 71),
        G1(Breakdowns.Type, "UA", 14), G1(Breakdowns.Type, "MD", 8), G1(Breakdowns.Type, "NMD", 28), G1(Breakdowns.Type, "CTY", 11),
        G1(Breakdowns.Type, "LBO", null), G1(Breakdowns.Type, "WPA", null),
        G1(Breakdowns.Region, "SE", 52), G1(Breakdowns.Region, "NW", 6),
        G1(Breakdowns.Region, "NE", null), G1(Breakdowns.Region, "LON", null), G1(Breakdowns.Region, "WAL", null),
    ];

    [Fact]
    public void Ranges_solves_a_region_that_the_type_table_gives_away()
    {
        var ranges = LinkedAudit.Ranges([Response, ExampleFamily], ExampleCells, Atoms, []).ToDictionary(r => r.Cell.Group);

        Assert.Equal((3, 3), (ranges["NE"].Low, ranges["NE"].High));
        Assert.Equal((0, 10), (ranges["LON"].Low, ranges["LON"].High));
        Assert.Equal((0, 10), (ranges["LBO"].Low, ranges["LBO"].High));
    }

    [Fact]
    public void Ranges_beside_a_published_zero_keep_what_the_register_allows_as_the_cap()
    {
        // Metropolitan districts published as 0 and unitaries as 2: the North East (5 unitaries, 7 districts) is 0 to 2
        // and the North West (districts only) is 0. Each keeps its register's councils as its cap, not what the zeros leave.
        AuditCell Cell(string breakdown, string group, int? value) => new("question:G1", "on_premises", breakdown, group, value);
        var cells = new[] { Cell(Breakdowns.Type, "MD", 0), Cell(Breakdowns.Type, "UA", 2), Cell(Breakdowns.Region, "NE", null), Cell(Breakdowns.Region, "NW", null) };

        var ranges = LinkedAudit.Ranges([Response, ExampleFamily], cells, Atoms, []).ToDictionary(r => r.Cell.Group);

        Assert.Equal((0, 2, 12), (ranges["NE"].Low, ranges["NE"].High, ranges["NE"].Cap));
        Assert.Equal((0, 0, 30), (ranges["NW"].Low, ranges["NW"].High, ranges["NW"].Cap));
        Assert.False(LinkedAudit.IsSafe(ranges["NE"], 5));
    }

    [Fact]
    public void Ranges_of_a_group_with_no_council_submitted_or_a_base_of_0_are_0_in_every_row()
    {
        // No London borough submitted, and Wales's base is 0: every London and Welsh count of B1 is 0 (capped still at
        // 33 and 22); the North West, with nothing published, can be anything its 30 councils allow.
        var b1 = new AuditFamily("question:B1", ["no_use", "live"], "(base)", RowRule.AddUp);
        AuditCell Cell(string row, string group, int? value) => new("question:B1", row, Breakdowns.Region, group, value);
        var cells = new[]
        {
            new AuditCell(LinkedAudit.ResponseFamily, LinkedAudit.SubmittedRow, Breakdowns.Type, "LBO", 0),
            Cell("live", "LON", null), Cell("(base)", "LON", null), Cell("(base)", "WAL", 0), Cell("live", "WAL", null), Cell("no_use", "WAL", null),
            Cell("live", "NW", null),
        };

        var ranges = LinkedAudit.Ranges([Response, b1], cells, Atoms, []).ToDictionary(r => $"{r.Cell.Row} {r.Cell.Group}");

        Assert.Equal((0, 0, 33), (ranges["live LON"].Low, ranges["live LON"].High, ranges["live LON"].Cap));
        Assert.Equal((0, 0, 33), (ranges["(base) LON"].Low, ranges["(base) LON"].High, ranges["(base) LON"].Cap));
        Assert.Equal((0, 0, 22), (ranges["live WAL"].Low, ranges["live WAL"].High, ranges["live WAL"].Cap));
        Assert.Equal((0, 0, 22), (ranges["no_use WAL"].Low, ranges["no_use WAL"].High, ranges["no_use WAL"].Cap));
        Assert.Equal((0, 30, 30), (ranges["live NW"].Low, ranges["live NW"].High, ranges["live NW"].Cap));
    }

    [Fact]
    public void Ranges_with_another_type_withheld_the_region_is_no_longer_pinned()
    {
        var family = new AuditFamily("question:G1", ["on_premises"], null, RowRule.None);
        AuditCell Cell(string breakdown, string group, int? value) => new("question:G1", "on_premises", breakdown, group, value);
        var cells = new[]
        {
            Cell(Breakdowns.Sector, Breakdowns.AllGroup, 71),
            Cell(Breakdowns.Type, "UA", null), Cell(Breakdowns.Type, "MD", 8), Cell(Breakdowns.Type, "NMD", 28), Cell(Breakdowns.Type, "CTY", 11),
            Cell(Breakdowns.Type, "LBO", null), Cell(Breakdowns.Type, "WPA", null),
            Cell(Breakdowns.Region, "SE", 52), Cell(Breakdowns.Region, "NW", 6),
            Cell(Breakdowns.Region, "NE", null), Cell(Breakdowns.Region, "LON", null), Cell(Breakdowns.Region, "WAL", null),
        };

        var northEast = LinkedAudit.Ranges([Response, family], cells, Atoms, []).Single(r => r.Cell.Group == "NE");

        // Metropolitan districts in the North East are still 8 - 6 = 2, but its unitaries are anywhere from 0 to its 5.
        Assert.Equal((2, 7), (northEast.Low, northEast.High));
    }

    [Fact]
    public void Ranges_solves_a_withheld_answer_through_a_follow_up_base()
    {
        // London: B1 base 33 (everyone answers B1), B2 (asked of those piloting or live) base 32, and
        // B1 "exploring" published as 0, so "not using" = 33 - 32 - 0 = 1.
        var b1 = new AuditFamily("question:B1", ["no_use", "exploring", "piloting", "live"], "(base)", RowRule.AddUp);
        var b2 = new AuditFamily("question:B2", ["generative"], "(base)", RowRule.AtMostTotal);
        var routing = new[]
        {
            new RoutingLink("question:B1", "(base)", LinkedAudit.ResponseFamily, [LinkedAudit.SubmittedRow], true),
            new RoutingLink("question:B2", "(base)", "question:B1", ["piloting", "live"], true),
        };
        AuditCell Cell(string family, string row, int? value) => new(family, row, Breakdowns.Region, "LON", value);
        var cells = new[]
        {
            Cell("question:B1", "(base)", 33), Cell("question:B1", "exploring", 0),
            Cell("question:B1", "no_use", null), Cell("question:B1", "piloting", null), Cell("question:B1", "live", null),
            Cell("question:B2", "(base)", 32), Cell("question:B2", "generative", 30),
        };

        var withRouting = LinkedAudit.Ranges([Response, b1, b2], cells, Atoms, routing).Single(r => r.Cell.Row == "no_use");
        var withoutRouting = LinkedAudit.Ranges([Response, b1, b2], cells, Atoms, []).Single(r => r.Cell.Row == "no_use");

        Assert.Equal((1, 1), (withRouting.Low, withRouting.High));
        Assert.Equal((0, 33), (withoutRouting.Low, withoutRouting.High));
    }

    [Fact]
    public void Complements_by_question_protect_a_pinned_region_with_its_own_questions_cells_and_the_whole_program_agrees()
    {
        // The example, whose North East is pinned at 3, beside a second question published in full.
        var g2 = new AuditFamily("question:G2", ["cloud"], null, RowRule.None);
        AuditCell G2(string breakdown, string group, int? value) => new("question:G2", "cloud", breakdown, group, value);
        AuditCell[] cells =
        [
            .. ExampleCells,
            G2(Breakdowns.Sector, Breakdowns.AllGroup, 20),
            G2(Breakdowns.Type, "UA", 4), G2(Breakdowns.Type, "MD", 3), G2(Breakdowns.Type, "NMD", 8), G2(Breakdowns.Type, "CTY", 3),
            G2(Breakdowns.Type, "LBO", 1), G2(Breakdowns.Type, "WPA", 1),
            G2(Breakdowns.Region, "NE", 2), G2(Breakdowns.Region, "SE", 14), G2(Breakdowns.Region, "LON", 1),
            G2(Breakdowns.Region, "WAL", 1), G2(Breakdowns.Region, "NW", 2),
        ];
        AuditFamily[] families = [Response, ExampleFamily, g2];
        var narrow = LinkedAudit.Ranges(families, cells, Atoms, []).Where(r => !LinkedAudit.IsSafe(r, 5)).ToList();

        var protection = Assert.Single(LinkedAudit.Complements(
            families, cells, Atoms, [], narrow, 5, c => c.Breakdown == Breakdowns.Sector ? 10 : 1, byQuestion: true));

        Assert.Equal(G1(Breakdowns.Region, "NE", null), Assert.Single(narrow).Cell);
        var complements = protection.Complements!;
        Assert.NotEmpty(complements);
        Assert.All(complements, c => Assert.Equal("question:G1", c.Family));
        var withheld = cells.Select(c => complements.Contains(c) ? c with { Value = null } : c).ToList();
        var northEast = LinkedAudit.Ranges(families, withheld, Atoms, []).Single(r => r.Cell == narrow[0].Cell);
        Assert.True(LinkedAudit.IsSafe(northEast, 5), $"North East is still seen only from {northEast.Low} to {northEast.High}.");
    }

    [Fact]
    public void Ranges_refuses_counts_that_contradict_each_other()
    {
        var family = new AuditFamily("question:G1", ["x"], null, RowRule.None);
        var cells = new[]
        {
            new AuditCell("question:G1", "x", Breakdowns.Sector, Breakdowns.AllGroup, 500),
            new AuditCell("question:G1", "x", Breakdowns.Region, "NE", null),
        };

        var error = Assert.Throws<InvalidOperationException>(() => LinkedAudit.Ranges([Response, family], cells, Atoms, []));
        Assert.Contains("contradict", error.Message, StringComparison.Ordinal);
    }

    private static AuditCell G1(string breakdown, string group, int? value) => new("question:G1", "on_premises", breakdown, group, value);
}
