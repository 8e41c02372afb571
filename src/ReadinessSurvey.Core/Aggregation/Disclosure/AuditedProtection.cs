using ReadinessSurvey.Aggregation.Statistics;

namespace ReadinessSurvey.Aggregation.Disclosure;

/// <summary>
/// Protects everything a round publishes together: first the fast table rules of the
/// <see cref="Suppressor"/>, then the <see cref="LinkedAudit"/> over the whole published view (every
/// breakdown, base, routing link); where a withheld count's range is too narrow, the cheapest published
/// counts that widen it to the threshold's number of values are withheld (chosen by linear programming over the same
/// program, tau-Argus style: decision 0091), and only the narrow and newly withheld cells are audited again.
/// </summary>
/// <remarks>
/// Withholding a cell only removes equations, so a range can only widen: a cell the last round proved
/// safe stays safe, which is why re-auditing the narrow and newly withheld cells is enough. The rounds are bounded;
/// a view still unsafe after them is refused rather than published.
/// </remarks>
public static class AuditedProtection
{
    private const int MaxRounds = 6;

    /// <summary>The row link of rows equal to the councils that submitted (see <c>PublishedViewBuilder</c>).</summary>
    internal const string SubmittedLink = "submitted";

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
        var forced = new Dictionary<CellRef, string>();
        var result = Suppressor.Apply(tables, threshold, sums);
        var ruleCells = result.Withheld.Count;
        // Rows equal to the councils that submitted: for all councils they stay published (see CostOf).
        var submittedRows = tables.Where(t => t.Family != LinkedAudit.ResponseFamily)
            .SelectMany(t => t.AllRows.Where(r => t.LinkOf(r) == SubmittedLink).Select(r => (t.Family, Row: r)))
            .ToHashSet();
        HashSet<AuditCell>? withheldBefore = null;
        List<CellRange> narrow = [];
        var pinned = new HashSet<AuditCell>();
        for (var round = 1; ; round++)
        {
            var view = publish(result);
            var system = PublishedSystem.From(view);
            // Withholding only removes equations, so a range can only widen: the cells proven safe stay safe, and
            // after the first round only the narrow ones and the newly withheld ones need auditing again.
            HashSet<AuditCell>? audit = withheldBefore is null
                ? null
                : [.. narrow.Select(r => r.Cell), .. pinned, .. system.Cells.Where(c => c.Value is null && !withheldBefore.Contains(c))];
            // Screening only: a cell it does not settle is a candidate, and the complements' program either
            // reaches its bounds without breaking anything (safe already) or finds what to withhold.
            var ranges = LinkedAudit.Ranges(system.Families, system.Cells, atoms, links, audit, threshold, exact: false);
            // A range only widens from round to round, so a count pinned at the end was pinned when first audited
            // (these are candidates: PublishDerivable proves which are single values). A count seen only at 0 counts
            // as safe, to be published, but later complements can widen it: so it is audited again every round.
            pinned.UnionWith(ranges.Where(r => r.Low == r.High).Select(r => r.Cell));
            var candidates = ranges.Where(r => !LinkedAudit.IsSafe(r, threshold)).ToList();
            if (candidates.Count == 0)
            {
                return Done(result, view, system, round);
            }

            var before = result.Withheld;
            // Keep every cell withheld so far: the rules, run again around new complements, could otherwise
            // choose other secondary cells and publish one the audit relied on being withheld.
            foreach (var entry in result.Log.Where(e => e.Kind != Suppressor.Primary))
            {
                forced.TryAdd(new CellRef(entry.Table, entry.Row, entry.Column), entry.Reason);
            }

            narrow = candidates;
            if (round < MaxRounds)
            {
                // First each question in a program of its own (fast); then, for the few cells it cannot protect, the whole program.
                var protections = LinkedAudit.Complements(
                    system.Families, system.Cells, atoms, links, candidates, threshold, c => CostOf(c, submittedRows), byQuestion: round == 1);
                foreach (var (range, protection) in candidates.Zip(protections))
                {
                    foreach (var complement in protection.Complements ?? [])
                    {
                        forced.TryAdd(RefOf(complement, tables), $"protects {range.Cell} (seen only from {range.Low} to {range.High}) across linked tables");
                    }
                }

                // A candidate that reached both bounds with nothing broken is safe as published; one given complements
                // is audited again next round, in the view with them withheld, like the newly withheld cells.
                narrow = [.. candidates.Zip(protections).Where(p => p.Second.Complements is not { Count: 0 }).Select(p => p.First)];
                result = Suppressor.Apply(tables, threshold, sums, forced);
                if (narrow.Count == 0)
                {
                    return Done(result, view, system, round);
                }
            }

            if (round >= MaxRounds || result.Withheld.Count == before.Count)
            {
                // The chosen complements ran out: withhold the narrow cells' whole families (and those routed
                // with them), which leaves only the register's and the response counts' bounds.
                foreach (var cell in WholeFamilies(narrow, tables, links))
                {
                    forced.TryAdd(cell, "withheld with its whole question: smaller complements could not protect it");
                }

                // Only in a very small round: a response count nothing else protects takes the all-councils one with it.
                if (narrow.Any(r => r.Cell.Family == LinkedAudit.ResponseFamily)
                    && system.Cells.FirstOrDefault(c => c.Family == LinkedAudit.ResponseFamily && c.Breakdown == Breakdowns.Sector && c.Value is not null) is { } responded)
                {
                    forced.TryAdd(RefOf(responded, tables), "protects how many councils of a small group responded: smaller complements could not");
                }

                result = Suppressor.Apply(tables, threshold, sums, forced);
                if (result.Withheld.Count == before.Count)
                {
                    break;
                }
            }

            withheldBefore = [.. system.Cells.Where(c => c.Value is null)];
        }

        AuditedResult Done(SuppressionResult safe, SnapshotContent view, PublishedSystem system, int rounds)
        {
            var shown = PublishDerivable(safe, system, pinned, tables, atoms, links, threshold);
            return new AuditedResult(shown == safe ? view : publish(shown), shown, ruleCells, rounds);
        }

        throw new InvalidOperationException(
            $"The published view could not be protected by the linked audit; nothing was published. Still too narrow: " +
            string.Join("; ", Describe(publish(result), atoms, links, threshold)));
    }

    private static IEnumerable<string> Describe(SnapshotContent view, IReadOnlyList<RegisterAtom> atoms, IReadOnlyList<RoutingLink> links, int threshold)
    {
        var system = PublishedSystem.From(view);
        return LinkedAudit.Ranges(system.Families, system.Cells, atoms, links, null, threshold)
            .Where(r => !LinkedAudit.IsSafe(r, threshold)).Take(5).Select(r => $"{r.Cell} provable {r.Low} to {r.High}");
    }

    /// <summary>
    /// Publishes again every withheld count a reader can work out exactly from the rest (its range is one
    /// value), unless the table rules withheld it themselves and it is not 0 (a 0 a reader can work out is a
    /// group nobody in which answered, or an option its councils never see): withholding it hides nothing, and a total
    /// withheld beside the parts that add up to it only makes the tables harder to read. Publishing a
    /// value the equations already imply adds no information, so no other range changes.
    /// </summary>
    private static SuppressionResult PublishDerivable(
        SuppressionResult result, PublishedSystem system, HashSet<AuditCell> pinned, IReadOnlyList<CountTable> tables, IReadOnlyList<RegisterAtom> atoms, IReadOnlyList<RoutingLink> links, int threshold)
    {
        if (pinned.Count == 0)
        {
            return result;
        }

        var primary = result.Log.Where(e => e.Kind == Suppressor.Primary).Select(e => new CellRef(e.Table, e.Row, e.Column)).ToHashSet();
        var derivable = LinkedAudit.Ranges(system.Families, system.Cells, atoms, links, pinned, threshold)
            .Where(r => r.Low == r.High)
            .Select(r => (r.Low, Refs: RefsOf(r.Cell, tables).Where(result.Withheld.Contains).ToList()))
            .Where(d => d.Refs.Count > 0 && (d.Low == 0 || !d.Refs.Any(primary.Contains)))
            .Select(d => d.Refs)
            .SelectMany(refs => refs)
            .ToHashSet();
        if (derivable.Count == 0)
        {
            return result;
        }

        return new SuppressionResult(
            result.Withheld.Where(c => !derivable.Contains(c)).ToHashSet(),
            [.. result.Log.Where(e => !derivable.Contains(new CellRef(e.Table, e.Row, e.Column)))]);
    }

    /// <summary>The suppressor's cells for an audited one: the sector column is in every table of its family.</summary>
    private static IEnumerable<CellRef> RefsOf(AuditCell cell, IReadOnlyList<CountTable> tables) =>
        cell.Breakdown == Breakdowns.Sector
            ? tables.Where(t => t.Family == cell.Family).Select(t => new CellRef(t.Name, cell.Row, CountTable.AllColumn))
            : [new CellRef($"{cell.Family}:{cell.Breakdown}", cell.Row, cell.Group)];

    /// <summary>Every cell of the narrow cells' families and of the families routed with them, transitively.</summary>
    private static IEnumerable<CellRef> WholeFamilies(IEnumerable<CellRange> narrow, IReadOnlyList<CountTable> tables, IReadOnlyList<RoutingLink> links)
    {
        var families = narrow.Select(r => r.Cell.Family).ToHashSet(StringComparer.Ordinal);
        int count;
        do
        {
            count = families.Count;
            foreach (var link in links.Where(l => l.LeadFamily != LinkedAudit.ResponseFamily && (families.Contains(l.Family) || families.Contains(l.LeadFamily))))
            {
                families.Add(link.Family);
                families.Add(link.LeadFamily);
            }
        }
        while (families.Count != count);

        // Rows equal to the councils that submitted in every group are left to the response counts: withholding
        // them here would hide how many councils answered, and they say no more than those counts do.
        return tables.Where(t => families.Contains(t.Family))
            .SelectMany(t => t.AllRows.Where(row => t.LinkOf(row) != SubmittedLink).SelectMany(row => t.AllColumns.Select(column => new CellRef(t.Name, row, column))));
    }

    /// <summary>
    /// What withholding a published cell costs, per council its value could then be off by, or null when it must
    /// stay published: how many councils responded in all (the publication's first figure), and the rows for
    /// all councils equal to it (a question's base where every council answered: it is that figure again).
    /// Other cells for all councils cost ten times a group's, so the headline figures go last.
    /// </summary>
    private static double? CostOf(AuditCell cell, HashSet<(string Family, string Row)> submittedRows) => cell switch
    {
        { Family: LinkedAudit.ResponseFamily, Breakdown: Breakdowns.Sector } => null,
        { Breakdown: Breakdowns.Sector } when submittedRows.Contains((cell.Family, cell.Row)) => null,
        { Breakdown: Breakdowns.Sector } => 10,
        _ => 1,
    };

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

/// <summary>The protected published view, the cells withheld, how many of them the table rules alone withheld, and the audit rounds it took.</summary>
public sealed record AuditedResult(SnapshotContent Published, SuppressionResult Suppression, int RuleCells, int Rounds);
