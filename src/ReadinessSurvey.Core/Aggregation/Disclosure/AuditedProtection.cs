using ReadinessSurvey.Aggregation.Statistics;

namespace ReadinessSurvey.Aggregation.Disclosure;

/// <summary>
/// Protects everything a round publishes together. The table rules of the <see cref="Suppressor"/> pick
/// the primary cells (1 to threshold-1 councils, or any count of a group whose base is that small) and
/// link cells that count the same councils; then, for each primary cell, a linear program over the whole
/// linked system (every breakdown, base and routing link, as the <see cref="LinkedAudit"/> writes it)
/// finds the cheapest published cells to withhold so that the cell can be 0 (or as low as the register
/// and questionnaire allow) and can be threshold more than that (or as high as they allow). Finally the
/// audit checks the published view; a view it finds unsafe is refused rather than published.
/// </summary>
/// <remarks>
/// <para>This is the classic linked-tables secondary suppression of tau-Argus (Fischetti and Salazar's
/// attacker subproblem) done greedily, one primary cell at a time: each published count is an equation
/// with two deviation variables, and moving a count by one council costs its weight; cells a solve moves
/// are withheld and cost nothing afterwards, so later cells reuse them. Withholding only removes
/// equations, so a cell protected earlier stays protected.</para>
/// <para>Weights: 1 per council for a group's count, 3 for an all-councils count (the figure most
/// readers want), 10 for how many councils responded and the rows equal to it (withholding one withholds
/// the same count in every question, by the same-councils links).</para>
/// </remarks>
public static class AuditedProtection
{
    /// <summary>The row link of rows equal to the councils that submitted (see <c>PublishedViewBuilder</c>).</summary>
    internal const string SubmittedLink = "submitted";

    /// <summary>The reason logged for a complement the linear program chose.</summary>
    public const string LinkedReason = "across linked tables";

    private const double Tolerance = 1e-6;

    /// <param name="publish">Makes the published view from a suppression result (withheld cells as null).</param>
    public static AuditedResult Protect(
        IReadOnlyList<CountTable> tables,
        int threshold,
        IReadOnlyList<SumRelation> sums,
        Func<SuppressionResult, SnapshotContent> publish,
        IReadOnlyList<RegisterAtom> atoms,
        IReadOnlyList<RoutingLink> links)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(publish);
        var result = Suppressor.Apply(tables, threshold, sums, relations: false);
        var ruleCells = result.Withheld.Count;
        var sensitive = result.Log.Where(e => e.Kind == Suppressor.Primary).Select(e => CellOf(e.Table, e.Row, e.Column)).ToHashSet();
        var submittedRows = tables
            .SelectMany(t => t.AllRows.Where(r => t.LinkOf(r) == SubmittedLink).Select(r => (t.Family, Row: r)))
            .ToHashSet();
        double Weight(AuditCell cell) =>
            cell.Family == LinkedAudit.ResponseFamily || submittedRows.Contains((cell.Family, cell.Row)) ? 10
            : cell.Breakdown == Breakdowns.Sector ? 3
            : 1;

        var forced = new Dictionary<CellRef, string>();
        foreach (var (complement, cell) in Complements(PublishedSystem.From(publish(result)), sensitive, atoms, links, threshold, Weight))
        {
            forced.TryAdd(RefOf(complement, tables), $"protects {cell} {LinkedReason}");
        }

        result = Suppressor.Apply(tables, threshold, sums, forced, relations: false);

        // Counts of a question a reader can work out exactly although withheld (pinned, not sensitive) are
        // shown: withholding them hides nothing. Not the response counts or rows equal to them: those are
        // shared by every question, and what pins one in one question is not carried to another's audit.
        var shown = Showing(result, Pinned(result, publish, c => !sensitive.Contains(c) && Weight(c) < 10, atoms, links));
        var exposed = Exposed(publish(shown), atoms, links, sensitive, threshold);
        if (exposed.Count > 0 && shown != result)
        {
            // Showing a pinned count added an equation after all (its bounds met only once rounded): keep them withheld.
            shown = result;
            exposed = Exposed(publish(shown), atoms, links, sensitive, threshold);
        }

        if (exposed.Count > 0)
        {
            throw new InvalidOperationException(
                "The published view could not be protected by the linked audit; nothing was published. Still too narrow: " +
                string.Join("; ", exposed.Take(5).Select(r => $"{r.Cell} provable {r.Low} to {r.High}")));
        }

        return new AuditedResult(publish(shown), shown, ruleCells, sensitive.Count);
    }

    private static IReadOnlyList<CellRange> Exposed(
        SnapshotContent view, IReadOnlyList<RegisterAtom> atoms, IReadOnlyList<RoutingLink> links, HashSet<AuditCell> sensitive, int threshold)
    {
        var system = PublishedSystem.From(view);
        return LinkedAudit.Exposed(system.Families, system.Cells, atoms, links, sensitive, threshold);
    }

    /// <summary>The withheld counts, among those <paramref name="candidate"/> allows, that a reader can work out exactly (their range is one value).</summary>
    private static HashSet<AuditCell> Pinned(
        SuppressionResult result, Func<SuppressionResult, SnapshotContent> publish, Func<AuditCell, bool> candidate, IReadOnlyList<RegisterAtom> atoms, IReadOnlyList<RoutingLink> links)
    {
        var system = PublishedSystem.From(publish(result));
        var others = system.Cells.Where(c => c.Value is null && candidate(c)).ToHashSet();
        // Screened at 1: a count seen at two values is not pinned and needs no exact bounds.
        return LinkedAudit.Ranges(system.Families, system.Cells, atoms, links, screenAt: 1, audit: others)
            .Where(r => r.Low == r.High)
            .Select(r => r.Cell)
            .ToHashSet();
    }

    /// <summary>The result with the known counts shown.</summary>
    private static SuppressionResult Showing(SuppressionResult result, HashSet<AuditCell> known)
    {
        if (known.Count == 0)
        {
            return result;
        }

        bool Shown(string table, string row, string column) => known.Contains(CellOf(table, row, column));
        return new SuppressionResult(
            result.Withheld.Where(c => !Shown(c.Table, c.Row, c.Column)).ToHashSet(),
            [.. result.Log.Where(e => !Shown(e.Table, e.Row, e.Column))]);
    }

    /// <summary>
    /// For every sensitive withheld cell, group of families by group of families, the published cells to
    /// withhold with it (each paired with the cell it protects): first so that it can be as low as 0 (or
    /// the least the register and questionnaire allow), then so that it can be threshold more than that
    /// (or the most they allow).
    /// </summary>
    private static IEnumerable<(AuditCell Complement, AuditCell Cell)> Complements(
        PublishedSystem system,
        HashSet<AuditCell> sensitive,
        IReadOnlyList<RegisterAtom> atoms,
        IReadOnlyList<RoutingLink> links,
        int threshold,
        Func<AuditCell, double> weight)
    {
        var byName = system.Families.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var cellsByFamily = system.Cells.GroupBy(c => c.Family, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var component in LinkedAudit.Components(system.Families, links))
        {
            var members = component.Append(LinkedAudit.ResponseFamily).Distinct(StringComparer.Ordinal).Select(f => byName[f]).ToList();
            var cells = members.SelectMany(f => cellsByFamily.GetValueOrDefault(f.Name) ?? []).ToList();
            var targets = cells.Where(c => c.Value is null && sensitive.Contains(c)).ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            using var program = new AuditProgram(members, atoms);
            program.PublishReleasable(cells.Where(c => c.Value is not null), weight);
            program.Route(links.Where(l => program.Has(l.Family) && program.Has(l.LeadFamily)));
            program.Watch(targets);
            program.SeePoints(4);
            foreach (var cell in targets)
            {
                var low = 0.0;
                var down = Reached(program, cell, low, lower: true) ? [] : program.Release(cell, double.NegativeInfinity, low);
                if (down is null)
                {
                    low = Math.Ceiling(program.Extreme(cell, largest: false) - Tolerance);
                    down = program.Release(cell, double.NegativeInfinity, low);
                }

                var up = Reached(program, cell, low + threshold, lower: false) ? [] : program.Release(cell, low + threshold, double.PositiveInfinity);
                if (up is null)
                {
                    up = program.Release(cell, Math.Floor(program.Extreme(cell, largest: true) + Tolerance), double.PositiveInfinity);
                }

                foreach (var complement in (down ?? []).Concat(up ?? []))
                {
                    yield return (complement, cell);
                }
            }
        }
    }

    /// <summary>Whether the cell was already seen at (or beyond) a target at a point still possible for the attacker.</summary>
    private static bool Reached(AuditProgram program, AuditCell cell, double target, bool lower) =>
        program.Seen.TryGetValue(cell, out var seen) && (lower ? seen.Low <= target + Tolerance : seen.High >= target - Tolerance);

    /// <summary>The audited cell of a suppressor's cell: tables are named family:breakdown, the sector is their "all" column.</summary>
    private static AuditCell CellOf(string table, string row, string column)
    {
        var split = table.LastIndexOf(':');
        return column == CountTable.AllColumn
            ? new AuditCell(table[..split], row, Breakdowns.Sector, Breakdowns.AllGroup, null)
            : new AuditCell(table[..split], row, table[(split + 1)..], column, null);
    }

    /// <summary>The suppressor's cell for an audited one: the sector column lives in every table of a family, the first is enough (links carry it).</summary>
    private static CellRef RefOf(AuditCell cell, IReadOnlyList<CountTable> tables)
    {
        if (cell.Breakdown == Breakdowns.Sector)
        {
            var first = tables.First(t => t.Family == cell.Family);
            return new CellRef(first.Name, cell.Row, CountTable.AllColumn);
        }

        return new CellRef($"{cell.Family}:{cell.Breakdown}", cell.Row, cell.Group);
    }
}

/// <summary>The protected published view, the cells withheld, how many of them the table rules alone withheld, and how many counts needed protecting.</summary>
public sealed record AuditedResult(SnapshotContent Published, SuppressionResult Suppression, int RuleCells, int SensitiveCells);
