using Google.OrTools.LinearSolver;

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

    private const double Tolerance = 1e-6;

    public static IReadOnlyList<CellRange> Ranges(
        IReadOnlyList<AuditFamily> families,
        IReadOnlyList<AuditCell> cells,
        IReadOnlyList<RegisterAtom> atoms,
        IReadOnlyList<RoutingLink> links)
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
        foreach (var component in Components(families, links))
        {
            var audited = component.Where(f => f != ResponseFamily || component.Count == 1).ToList();
            var withheld = audited.SelectMany(f => cellsByFamily.GetValueOrDefault(f) ?? []).Where(c => c.Value is null).ToList();
            if (withheld.Count == 0)
            {
                continue;
            }

            var members = component.Append(ResponseFamily).Distinct(StringComparer.Ordinal).Select(f => byName[f]).ToList();
            using var program = new Program(members, atoms);
            program.Publish(members.SelectMany(f => cellsByFamily.GetValueOrDefault(f.Name) ?? []).Where(c => c.Value is not null));
            program.Route(links.Where(l => program.Has(l.Family) && program.Has(l.LeadFamily)));
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

    /// <summary>One linear program over a group of families, solved once per bound asked of it.</summary>
    private sealed class Program : IDisposable
    {
        private readonly Solver _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools' GLOP solver is not available.");
        private readonly IReadOnlyList<RegisterAtom> _atoms;
        private readonly Dictionary<(string Family, string Row), Variable[]> _rows = new();
        private readonly Dictionary<string, (double Low, double High)> _solved = new(StringComparer.Ordinal);

        public Program(IReadOnlyList<AuditFamily> families, IReadOnlyList<RegisterAtom> atoms)
        {
            _atoms = atoms;
            var submitted = Add(ResponseFamily, SubmittedRow);
            foreach (var family in families.Where(f => f.Name != ResponseFamily))
            {
                var rows = family.Rows.Select(row => Add(family.Name, row)).ToList();
                var total = family.TotalRow is { } totalRow ? Add(family.Name, totalRow) : null;
                for (var a = 0; a < atoms.Count; a++)
                {
                    foreach (var row in rows.Append(total).OfType<Variable[]>())
                    {
                        AtMost(row[a], submitted[a]);
                    }

                    if (total is null)
                    {
                        continue;
                    }

                    if (family.Rule == RowRule.AddUp)
                    {
                        var sum = _solver.MakeConstraint(0, 0);
                        rows.ForEach(row => sum.SetCoefficient(row[a], 1));
                        sum.SetCoefficient(total[a], -1);
                    }
                    else if (family.Rule == RowRule.AtMostTotal)
                    {
                        rows.ForEach(row => AtMost(row[a], total[a]));
                    }
                }
            }
        }

        public bool Has(string family) => _rows.Keys.Any(k => k.Family == family);

        public void Publish(IEnumerable<AuditCell> cells)
        {
            foreach (var cell in cells)
            {
                if (!_rows.TryGetValue((cell.Family, cell.Row), out var row))
                {
                    continue;
                }

                var value = cell.Value!.Value;
                var equation = _solver.MakeConstraint(value, value);
                foreach (var a in AtomsOf(cell))
                {
                    equation.SetCoefficient(row[a], 1);
                }
            }
        }

        public void Route(IEnumerable<RoutingLink> links)
        {
            foreach (var link in links)
            {
                if (!_rows.TryGetValue((link.Family, link.Row), out var follow))
                {
                    continue;
                }

                var leads = link.LeadRows.Select(r => _rows.GetValueOrDefault((link.LeadFamily, r))).OfType<Variable[]>().ToList();
                for (var a = 0; a < _atoms.Count; a++)
                {
                    if (link.Type is not null && _atoms[a].Type != link.Type)
                    {
                        continue;
                    }

                    var relation = link.Exact ? _solver.MakeConstraint(0, 0) : _solver.MakeConstraint(double.NegativeInfinity, 0);
                    relation.SetCoefficient(follow[a], 1);
                    leads.ForEach(lead => relation.SetCoefficient(lead[a], -1));
                }
            }
        }

        public CellRange Range(AuditCell cell)
        {
            var atoms = AtomsOf(cell).ToList();
            var key = $"{cell.Family}\u0001{cell.Row}\u0001{string.Join(',', atoms)}";
            if (!_solved.TryGetValue(key, out var bounds))
            {
                var row = _rows[(cell.Family, cell.Row)];
                var objective = _solver.Objective();
                objective.Clear();
                atoms.ForEach(a => objective.SetCoefficient(row[a], 1));
                objective.SetMinimization();
                var low = Solve();
                objective.SetMaximization();
                var high = Solve();
                _solved[key] = bounds = (low, high);
            }

            return new CellRange(cell, (int)Math.Ceiling(bounds.Low - Tolerance), (int)Math.Floor(bounds.High + Tolerance));
        }

        public void Dispose() => _solver.Dispose();

        private double Solve()
        {
            var status = _solver.Solve();
            return status == Solver.ResultStatus.OPTIMAL
                ? _solver.Objective().Value()
                : throw new InvalidOperationException($"The disclosure audit's linear program ended {status}: the published counts contradict each other or the register.");
        }

        private IEnumerable<int> AtomsOf(AuditCell cell) =>
            Enumerable.Range(0, _atoms.Count).Where(a => _atoms[a].GroupIn(cell.Breakdown) == cell.Group);

        private Variable[] Add(string family, string row)
        {
            if (!_rows.TryGetValue((family, row), out var variables))
            {
                _rows[(family, row)] = variables = [.. _atoms.Select(atom => _solver.MakeNumVar(0, atom.Councils, ""))];
            }

            return variables;
        }

        private void AtMost(Variable part, Variable whole)
        {
            if (ReferenceEquals(part, whole))
            {
                return;
            }

            var relation = _solver.MakeConstraint(double.NegativeInfinity, 0);
            relation.SetCoefficient(part, 1);
            relation.SetCoefficient(whole, -1);
        }
    }
}
