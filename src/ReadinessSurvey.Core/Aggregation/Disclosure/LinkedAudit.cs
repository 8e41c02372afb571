namespace ReadinessSurvey.Aggregation.Disclosure;

/// <summary>
/// Plays the attacker against everything published together: for every withheld count, the smallest
/// and largest value consistent with every published count, the register and the questionnaire's
/// routing, found by linear programming (GLOP). Pure: published cells in, ranges out.
/// </summary>
/// <remarks>
/// <para>The unknowns are counts per register atom (councils of one type in one region) and row, each
/// between 0 and the atom's councils and at most the atom's submitted councils (the unknowns of the
/// response family's <see cref="SubmittedRow"/>). Every published count is the sum of its group's atoms;
/// a family's rows add up to (or are each at most) its total row; routing links tie a follow-up's base
/// to the answers that lead to it. That is everything a reader can write down from the published tables,
/// the register and the questionnaire, so a range found here is the most an attacker can prove by
/// solving equations.</para>
/// <para>Every family is in one program: the submitted councils of each atom are shared by every
/// question, so what one question proves about them (how a withheld response count splits, or what it
/// must be) is carried to every other, as a reader solving all the published equations at once would.</para>
/// <para>The LP relaxation gives outer bounds; every count is a whole number, so the range is rounded
/// inwards.</para>
/// </remarks>
public static class LinkedAudit
{
    /// <summary>The family of the councils that submitted, by group.</summary>
    public const string ResponseFamily = "response";

    /// <summary>The response family's one row.</summary>
    public const string SubmittedRow = "(submitted)";

    /// <summary>
    /// Whether a range protects its cell: it holds at least as many values as the threshold (0 to 4, 3 to 7
    /// at threshold 5), or everything the register allows (0 to 3 in a group of 3 councils: the reader
    /// learns nothing), or it is 0 alone (the count follows from what is published and is then published
    /// itself). 0 to 1, 1 to 4 and 37 to 39 are not safe.
    /// </summary>
    public static bool IsSafe(CellRange range, int threshold)
    {
        ArgumentNullException.ThrowIfNull(range);
        return IsSafe(range.Low, range.High, threshold, range.Cap);
    }

    internal static bool IsSafe(int low, int high, int threshold, int cap) =>
        high - low + 1 >= threshold || (low == 0 && (high == 0 || high >= cap));

    /// <param name="screenAt">
    /// When given, cells are first screened at this threshold (see <see cref="IsSafe"/>): a cell proven safe
    /// by feasible points is returned with the values seen (part of its true range, already wide enough);
    /// only the others get exact bounds. Without it every range is exact.
    /// </param>
    /// <param name="only">When given, only these withheld cells are audited (the program still holds every published cell).</param>
    /// <param name="exact">
    /// False returns a screened cell that screening did not settle with the values seen, not its exact bounds:
    /// protection only needs to know which cells are not yet shown safe, and its complements' program proves the rest.
    /// </param>
    public static IReadOnlyList<CellRange> Ranges(
        IReadOnlyList<AuditFamily> families,
        IReadOnlyList<AuditCell> cells,
        IReadOnlyList<RegisterAtom> atoms,
        IReadOnlyList<RoutingLink> links,
        IReadOnlySet<AuditCell>? only = null,
        int? screenAt = null,
        bool exact = true)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(links);
        if (!families.Any(f => f.Name == ResponseFamily))
        {
            throw new ArgumentException($"The families must include '{ResponseFamily}'.", nameof(families));
        }

        var withheld = cells.Where(c => c.Value is null && (only is null || only.Contains(c))).Distinct().ToList();
        if (withheld.Count == 0)
        {
            return [];
        }

        using var program = Build(families, cells, atoms, links, _ => null);
        if (screenAt is { } threshold)
        {
            program.Screen(withheld, threshold);
        }

        return [.. withheld.Select(c => program.Range(c, exact))];
    }

    /// <summary>
    /// Complements for the narrow cells, chosen by linear programming over the same program the attacker
    /// solves (see <c>AuditProgram.Complements</c>). <paramref name="cost"/> gives a published cell's cost of
    /// being withheld, per council of difference, or null for a cell that must stay published.
    /// </summary>
    /// <param name="byQuestion">
    /// Each question's narrow cells in a program of their own: the question, the questions routing links tie to it,
    /// and the response counts, with how many councils of each atom submitted fixed at one point consistent with
    /// everything published. Only those submitted counts tie one question to another, so a point of such a program,
    /// joined to the other questions' values at that point, is a point of the whole program: what it proves reached
    /// is reached there too. It is a fraction of the whole, so its solves are many times faster; with the submitted
    /// counts fixed it may withhold a little more, and a cell it cannot protect gets null complements (the caller
    /// tries the whole program). The response counts' own narrow cells get the whole program.
    /// </param>
    public static IReadOnlyList<Protection> Complements(
        IReadOnlyList<AuditFamily> families,
        IReadOnlyList<AuditCell> cells,
        IReadOnlyList<RegisterAtom> atoms,
        IReadOnlyList<RoutingLink> links,
        IReadOnlyList<CellRange> narrow,
        int threshold,
        Func<AuditCell, double?> cost,
        bool byQuestion = false)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(narrow);
        if (!byQuestion)
        {
            using var whole = Build(families, cells, atoms, links, cost);
            return whole.Complements(narrow, threshold);
        }

        var groupOf = RoutedGroups(families, links);
        double[] submitted;
        using (var whole = Build(families, cells, atoms, links, _ => null))
        {
            submitted = whole.SubmittedPoint();
        }

        var protections = new Protection[narrow.Count];
        foreach (var group in Enumerable.Range(0, narrow.Count).GroupBy(i => groupOf.GetValueOrDefault(narrow[i].Cell.Family)))
        {
            var own = group.Key is null
                ? families
                : [.. families.Where(f => f.Name == ResponseFamily || groupOf.GetValueOrDefault(f.Name) == group.Key)];
            var names = own.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            using var program = Build(own, [.. cells.Where(c => names.Contains(c.Family))], atoms, links, cost);
            if (group.Key is not null)
            {
                program.FixSubmitted(submitted);
            }

            var indices = group.ToList();
            foreach (var (i, protection) in indices.Zip(program.Complements([.. indices.Select(i => narrow[i])], threshold)))
            {
                protections[i] = protection;
            }
        }

        return protections;
    }

    /// <summary>
    /// Each family's group of the families routing links tie together (transitively), named by one of them; the
    /// response family, which every question is tied to through the councils that submitted, is in none.
    /// </summary>
    private static Dictionary<string, string> RoutedGroups(IReadOnlyList<AuditFamily> families, IReadOnlyList<RoutingLink> links)
    {
        var parent = families.Where(f => f.Name != ResponseFamily).ToDictionary(f => f.Name, f => f.Name, StringComparer.Ordinal);
        string Root(string family) => parent[family] == family ? family : parent[family] = Root(parent[family]);
        foreach (var link in links.Where(l => parent.ContainsKey(l.Family) && parent.ContainsKey(l.LeadFamily)))
        {
            parent[Root(link.Family)] = Root(link.LeadFamily);
        }

        return parent.Keys.ToDictionary(f => f, Root, StringComparer.Ordinal);
    }

    /// <summary>The attacker's program: every published count an equation (breakable where it has a cost), with the routing between the families published.</summary>
    private static AuditProgram Build(
        IReadOnlyList<AuditFamily> families, IReadOnlyList<AuditCell> cells, IReadOnlyList<RegisterAtom> atoms, IReadOnlyList<RoutingLink> links, Func<AuditCell, double?> cost)
    {
        var program = new AuditProgram(families, atoms, [.. cells.Where(c => c.Value is not null)], cost);
        program.Route(links.Where(l => program.Has(l.Family) && program.Has(l.LeadFamily)));
        return program;
    }
}
