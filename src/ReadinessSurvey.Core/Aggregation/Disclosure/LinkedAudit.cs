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
/// <para>Families are audited in groups joined by routing, each with the response family (the
/// councils that submitted, which every family is bounded by). What one unrouted family says about how
/// a group's submitted councils split between its atoms is not carried to another: with every group's
/// submitted count published or withheld in all families alike, that split is all they share.</para>
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
    /// Whether a range protects its cell: it reaches 0 or the threshold, so a reader cannot prove the
    /// count is a small non-zero number (1 to threshold-1). 0 to 1 and 3 to 5 are safe at threshold 5;
    /// 1 to 1, 2 to 3 and 1 to 4 are not.
    /// </summary>
    public static bool IsSafe(CellRange range, int threshold)
    {
        ArgumentNullException.ThrowIfNull(range);
        return IsSafe(range.Low, range.High, threshold);
    }

    internal static bool IsSafe(int low, int high, int threshold) => low == 0 || high >= threshold;

    /// <param name="screenAt">
    /// When given, cells are first screened at this threshold (see <see cref="IsSafe"/>): a cell proven safe
    /// by feasible points is returned with the values seen (part of its true range, already wide enough);
    /// only the others get exact bounds. Without it every range is exact.
    /// </param>
    /// <param name="only">When given, only the families joined (by routing) to one of these are audited.</param>
    public static IReadOnlyList<CellRange> Ranges(
        IReadOnlyList<AuditFamily> families,
        IReadOnlyList<AuditCell> cells,
        IReadOnlyList<RegisterAtom> atoms,
        IReadOnlyList<RoutingLink> links,
        IReadOnlySet<string>? only = null,
        int? screenAt = null)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(links);

        var byName = families.ToDictionary(f => f.Name, StringComparer.Ordinal);
        if (!byName.ContainsKey(ResponseFamily))
        {
            throw new ArgumentException($"The families must include '{ResponseFamily}'.", nameof(families));
        }

        var cellsByFamily = cells.GroupBy(c => c.Family, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var ranges = new List<CellRange>();
        foreach (var component in Components(families, links).Where(c => only is null || c.Any(only.Contains)))
        {
            var audited = component.Where(f => f != ResponseFamily || component.Count == 1).ToList();
            var withheld = audited.SelectMany(f => cellsByFamily.GetValueOrDefault(f) ?? []).Where(c => c.Value is null).ToList();
            if (withheld.Count == 0)
            {
                continue;
            }

            var members = component.Append(ResponseFamily).Distinct(StringComparer.Ordinal).Select(f => byName[f]).ToList();
            using var program = new AuditProgram(members, atoms);
            program.Publish(members.SelectMany(f => cellsByFamily.GetValueOrDefault(f.Name) ?? []).Where(c => c.Value is not null));
            program.Route(links.Where(l => program.Has(l.Family) && program.Has(l.LeadFamily)));
            if (screenAt is { } threshold)
            {
                program.Screen(withheld, threshold);
            }

            ranges.AddRange(withheld.Select(program.Range));
        }

        return ranges;
    }

    /// <summary>Families joined by routing links (other than links to the response family), each group listed once.</summary>
    private static List<List<string>> Components(IReadOnlyList<AuditFamily> families, IReadOnlyList<RoutingLink> links)
    {
        var parent = families.ToDictionary(f => f.Name, f => f.Name, StringComparer.Ordinal);
        string Find(string name) => parent[name] == name ? name : parent[name] = Find(parent[name]);
        foreach (var link in links.Where(l => l.LeadFamily != ResponseFamily && parent.ContainsKey(l.Family) && parent.ContainsKey(l.LeadFamily)))
        {
            parent[Find(link.Family)] = Find(link.LeadFamily);
        }

        return [.. families.GroupBy(f => Find(f.Name), StringComparer.Ordinal).Select(g => g.Select(f => f.Name).ToList())];
    }
}
