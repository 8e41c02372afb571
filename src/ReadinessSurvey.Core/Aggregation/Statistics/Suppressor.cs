namespace ReadinessSurvey.Aggregation.Statistics;

/// <summary>
/// Small-number suppression for published tables. Pure: tables in, withheld cells and a log out.
/// </summary>
/// <remarks>
/// <para>Primary: a cell counting 1 to threshold-1 councils is withheld; so is every cell of a column
/// whose total (base) is below the threshold, zeros included, since a small group's zeros say something
/// about each of its members. A zero cell in a large enough column is shown: it counts nobody.</para>
/// <para>Secondary: every additive relation (a row with its sector total; a column with its base, when
/// the rows add up) must have either no withheld cell or at least two, or the one could be recovered by
/// subtraction. While some relation has exactly one, the next smallest non-zero cell of that relation is
/// withheld (then a zero cell, then the total), ties broken by name so the result is repeatable.</para>
/// <para>Across breakdowns: cells of one family with the same row and the same population (the sector
/// column everywhere; type W06 and region Wales) are the same number, so withholding one withholds all;
/// and a group that is the union of groups of another breakdown (tier "unitary" is types E06, E08, E09
/// and W06) adds a relation of its own, given as a <see cref="SumRelation"/>.
/// The rounds repeat until nothing changes; each round withholds at least one more cell, so it ends.</para>
/// </remarks>
public static class Suppressor
{
    public const string Primary = "primary";
    public const string Secondary = "secondary";

    /// <summary>Cells from fewer councils than this are withheld unless told otherwise.</summary>
    public const int DefaultThreshold = 5;

    /// <param name="tables">The tables to publish.</param>
    /// <param name="threshold">Cells from fewer councils than this are withheld.</param>
    /// <param name="sums">
    /// Further additive relations between tables, e.g. a tier's cell is the sum of the cells of the council
    /// types in that tier, so tier and type tables together could reveal a cell either alone protects.
    /// </param>
    /// <param name="forced">
    /// Cells to withhold as secondary whatever the rules say, with why: the complements the linked audit
    /// asked for (see <c>Disclosure.AuditedProtection</c>). The rules then run as usual around them.
    /// </param>
    public static SuppressionResult Apply(
        IReadOnlyList<CountTable> tables, int threshold = DefaultThreshold, IReadOnlyList<SumRelation>? sums = null, IReadOnlyDictionary<CellRef, string>? forced = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var state = new State();
        var byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        int Count(CellRef cell) => byName[cell.Table][cell.Row, cell.Column];

        foreach (var table in tables)
        {
            ApplyPrimary(table, threshold, state);
        }

        foreach (var (cell, reason) in forced ?? new Dictionary<CellRef, string>())
        {
            state.Withhold(cell, Secondary, reason);
        }

        var links = BuildLinks(tables);
        bool changed;
        do
        {
            changed = PropagateLinks(links, state);
            foreach (var table in tables)
            {
                foreach (var relation in Relations(table))
                {
                    changed |= ProtectRelation(relation, Count, state);
                }
            }

            foreach (var sum in sums ?? [])
            {
                changed |= ProtectRelation(new Relation("sum", sum.Parts, sum.Total), Count, state);
            }
        }
        while (changed);

        return new SuppressionResult(state.Withheld.Keys.ToHashSet(), state.Log);
    }

    private static void ApplyPrimary(CountTable table, int threshold, State state)
    {
        if (table.TotalRow is { } totalRow)
        {
            foreach (var column in table.AllColumns)
            {
                var total = table[totalRow, column];
                if (total > 0 && total < threshold)
                {
                    foreach (var row in table.AllRows)
                    {
                        state.Withhold(new CellRef(table.Name, row, column), Primary, $"the column's base is fewer than {threshold} councils");
                    }
                }
            }
        }

        foreach (var row in table.AllRows)
        {
            foreach (var column in table.AllColumns)
            {
                var count = table[row, column];
                if (count > 0 && count < threshold)
                {
                    state.Withhold(new CellRef(table.Name, row, column), Primary, $"fewer than {threshold} councils");
                }
            }
        }
    }

    private sealed record Relation(string Kind, IReadOnlyList<CellRef> Cells, CellRef Total);

    private static IEnumerable<Relation> Relations(CountTable table)
    {
        foreach (var row in table.AllRows)
        {
            yield return new Relation(
                "row",
                [.. table.Columns.Select(column => new CellRef(table.Name, row, column))],
                new CellRef(table.Name, row, CountTable.AllColumn));
        }

        if (table.RowsAddUp && table.TotalRow is { } totalRow)
        {
            foreach (var column in table.AllColumns)
            {
                yield return new Relation(
                    "column",
                    [.. table.Rows.Select(row => new CellRef(table.Name, row, column))],
                    new CellRef(table.Name, totalRow, column));
            }
        }
    }

    private static bool ProtectRelation(Relation relation, Func<CellRef, int> count, State state)
    {
        var members = relation.Cells.Append(relation.Total).ToList();
        var withheld = members.Where(state.IsWithheld).ToList();
        if (withheld.Count != 1)
        {
            return false;
        }

        var complement = relation.Cells
            .Where(cell => !state.IsWithheld(cell))
            .OrderBy(cell => count(cell) == 0 ? 1 : 0)
            .ThenBy(count)
            .ThenBy(cell => cell.Table, StringComparer.Ordinal)
            .ThenBy(cell => cell.Row, StringComparer.Ordinal)
            .ThenBy(cell => cell.Column, StringComparer.Ordinal)
            .Select(cell => (CellRef?)cell)
            .FirstOrDefault() ?? relation.Total;

        if (state.IsWithheld(complement))
        {
            return false;
        }

        var protectedCell = withheld[0];
        state.Withhold(complement, Secondary, $"protects {protectedCell} from subtraction in its {relation.Kind} total");
        return true;
    }

    private static List<List<CellRef>> BuildLinks(IReadOnlyList<CountTable> tables)
    {
        var groups = new Dictionary<(string Link, string Population), List<CellRef>>();
        foreach (var table in tables)
        {
            foreach (var row in table.AllRows)
            {
                foreach (var column in table.AllColumns)
                {
                    var key = (table.LinkOf(row), table.PopulationOf(row, column));
                    if (!groups.TryGetValue(key, out var cells))
                    {
                        groups[key] = cells = [];
                    }

                    cells.Add(new CellRef(table.Name, row, column));
                }
            }
        }

        return [.. groups.Values.Where(cells => cells.Count > 1)];
    }

    private static bool PropagateLinks(List<List<CellRef>> links, State state)
    {
        var changed = false;
        foreach (var cells in links)
        {
            var source = cells.FirstOrDefault(state.IsWithheld);
            if (source == default)
            {
                continue;
            }

            foreach (var cell in cells.Where(cell => !state.IsWithheld(cell)))
            {
                state.Withhold(cell, Secondary, $"the same councils as {source}, which is withheld");
                changed = true;
            }
        }

        return changed;
    }

    private sealed class State
    {
        public Dictionary<CellRef, SuppressionLogEntry> Withheld { get; } = [];

        public List<SuppressionLogEntry> Log { get; } = [];

        public bool IsWithheld(CellRef cell) => Withheld.ContainsKey(cell);

        public void Withhold(CellRef cell, string kind, string reason)
        {
            if (Withheld.ContainsKey(cell))
            {
                return;
            }

            var entry = new SuppressionLogEntry(cell.Table, cell.Row, cell.Column, kind, reason);
            Withheld[cell] = entry;
            Log.Add(entry);
        }
    }
}

/// <summary>An additive relation across tables: the parts add up to the total.</summary>
public sealed record SumRelation(IReadOnlyList<CellRef> Parts, CellRef Total);

/// <summary>One withheld cell: where it is, primary or secondary, and why.</summary>
public sealed record SuppressionLogEntry(string Table, string Row, string Column, string Kind, string Reason);

/// <summary>The cells withheld from a set of tables, and the log in the order they were withheld.</summary>
public sealed class SuppressionResult(IReadOnlySet<CellRef> withheld, IReadOnlyList<SuppressionLogEntry> log)
{
    public IReadOnlySet<CellRef> Withheld { get; } = withheld;

    public IReadOnlyList<SuppressionLogEntry> Log { get; } = log;

    public bool IsWithheld(string table, string row, string column) => Withheld.Contains(new CellRef(table, row, column));
}
