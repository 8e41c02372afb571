using Google.OrTools.LinearSolver;

namespace ReadinessSurvey.Aggregation.Disclosure;

/// <summary>One linear program over a group of families, solved once per bound asked of it.</summary>
internal sealed class AuditProgram : IDisposable
{
    private const double Tolerance = 1e-6;
    private const int ScreenPasses = 24;

    /// <summary>Own solves between two <see cref="Reach"/> passes with the cells withheld so far free, and how many solves each takes.</summary>
    private const int ReachEvery = 16;
    private const int ReachPasses = 4;

    private readonly Solver _solver = CreateSolver();
    private readonly IReadOnlyList<RegisterAtom> _atoms;
    private readonly Dictionary<(string Family, string Row), Variable[]> _rows = new();
    private readonly HashSet<string> _families = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Low, double High)> _solved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Low, int High)> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Low, int High)> _partial = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Variable[]> _open = new(StringComparer.Ordinal);
    private readonly List<(AuditCell Cell, Variable Over, Variable Under, double Weight)> _breakable = [];
    private readonly Variable[] _submitted;

    /// <summary>The unknowns fixed at 0 by holding counts of 0 (see the constructor), by family, row and atom.</summary>
    private readonly HashSet<(string Family, string Row, int Atom)> _zero;

    /// <summary>The unknowns fixed at 0 in the program.</summary>
    private readonly HashSet<Variable> _fixed = new(ReferenceEqualityComparer.Instance);

    /// <summary>What the register allows each unknown: its atom's councils, or 0 for an option the atom's councils never see.</summary>
    private readonly Dictionary<Variable, int> _cap = new(ReferenceEqualityComparer.Instance);
    private int _threshold = int.MaxValue;

    /// <summary>
    /// The program of the families and every published count: each count an equation over its group's atoms,
    /// breakable where <paramref name="cost"/> gives it a cost (see <see cref="Complements"/>), holding where it is null.
    /// </summary>
    /// <remarks>
    /// A count that holds at 0 makes every atom of its group 0 in that row, and an atom with no council submitted is 0
    /// in every row, as is every row of an atom whose total row is 0. Those unknowns are fixed at 0 before the program
    /// is written, and the relations they alone satisfy are left out: the same points, in a program a fraction of the
    /// size (on a 30-council round most counts are 0), so every solve is faster. A count's cap stays what the
    /// register allows its group.
    /// </remarks>
    public AuditProgram(IReadOnlyList<AuditFamily> families, IReadOnlyList<RegisterAtom> atoms, IReadOnlyList<AuditCell> published, Func<AuditCell, double?> cost)
    {
        _atoms = atoms;
        var holding = published.Where(c => cost(c) is null).ToList();
        _zero = ForcedZeros(families, holding.Where(c => c.Value == 0));
        var submitted = _submitted = Add(LinkedAudit.ResponseFamily, LinkedAudit.SubmittedRow);
        foreach (var family in families.Where(f => f.Name != LinkedAudit.ResponseFamily))
        {
            var rows = family.Rows.Select(row => Add(family.Name, row)).ToList();
            var total = family.TotalRow is { } totalRow ? Add(family.Name, totalRow) : null;
            // Rows that add up to their total row, or are each at most it, are at most the councils submitted through it.
            var bounded = total is not null && family.Rule != RowRule.None ? [total] : rows.Append(total).OfType<Variable[]>().ToList();
            for (var a = 0; a < atoms.Count; a++)
            {
                bounded.ForEach(row => AtMost(row[a], submitted[a]));

                if (total is null || IsZero(total[a]))
                {
                    continue;
                }

                if (family.Rule == RowRule.AddUp)
                {
                    var sum = _solver.MakeConstraint(0, 0);
                    rows.Where(row => !IsZero(row[a])).ToList().ForEach(row => sum.SetCoefficient(row[a], 1));
                    sum.SetCoefficient(total[a], -1);
                }
                else if (family.Rule == RowRule.AtMostTotal)
                {
                    rows.ForEach(row => AtMost(row[a], total[a]));
                }
            }
        }

        Publish(published, cost);
    }

    public bool Has(string family) => _families.Contains(family);

    /// <summary>
    /// The unknowns a holding count of 0 forces to 0: its group's atoms in its row; every row of an atom none of whose
    /// councils submitted; every row of an atom whose total row is 0 (the rows add up to it, or are each at most it).
    /// </summary>
    private HashSet<(string Family, string Row, int Atom)> ForcedZeros(IReadOnlyList<AuditFamily> families, IEnumerable<AuditCell> zeros)
    {
        var forced = zeros.SelectMany(cell => AtomsOf(cell).Select(a => (cell.Family, cell.Row, Atom: a))).ToHashSet();
        var noneSubmitted = Enumerable.Range(0, _atoms.Count).Where(a => forced.Contains((LinkedAudit.ResponseFamily, LinkedAudit.SubmittedRow, a))).ToList();
        foreach (var family in families.Where(f => f.Name != LinkedAudit.ResponseFamily))
        {
            var rows = family.TotalRow is { } total ? family.Rows.Append(total).ToList() : family.Rows.ToList();
            foreach (var a in Enumerable.Range(0, _atoms.Count))
            {
                var totalZero = family.TotalRow is { } totalRow && family.Rule != RowRule.None && forced.Contains((family.Name, totalRow, a));
                if (totalZero || noneSubmitted.Contains(a))
                {
                    rows.ForEach(row => forced.Add((family.Name, row, a)));
                }
            }
        }

        return forced;
    }

    private bool IsZero(Variable variable) => _fixed.Contains(variable);

    /// <summary>
    /// How many councils of each atom submitted at a point consistent with everything published: midway between the
    /// points with the most and the fewest councils counted in every row, so away from the register's extremes.
    /// </summary>
    public double[] SubmittedPoint()
    {
        var objective = _solver.Objective();
        objective.Clear();
        foreach (var variable in _rows.Values.SelectMany(row => row))
        {
            objective.SetCoefficient(variable, 1);
        }

        objective.SetMaximization();
        Solve();
        var most = _submitted.Select(v => v.SolutionValue()).ToList();
        objective.SetMinimization();
        Solve();
        return [.. _submitted.Select((v, a) => (most[a] + v.SolutionValue()) / 2)];
    }

    /// <summary>Fixes how many councils of each atom submitted (see <see cref="SubmittedPoint"/>).</summary>
    public void FixSubmitted(IReadOnlyList<double> submitted)
    {
        for (var a = 0; a < _submitted.Length; a++)
        {
            _submitted[a].SetBounds(submitted[a], submitted[a]);
        }
    }

    /// <summary>
    /// Writes each published count as an equation over its group's atoms. A cell given a cost may break its
    /// equation, at that cost per council of difference (see <see cref="Complements"/>); without one it holds.
    /// A holding count of 0 needs no equation: its unknowns are fixed at 0.
    /// </summary>
    private void Publish(IEnumerable<AuditCell> cells, Func<AuditCell, double?> cost)
    {
        foreach (var cell in cells)
        {
            if (!_rows.TryGetValue((cell.Family, cell.Row), out var row))
            {
                continue;
            }

            var value = cell.Value!.Value;
            var weight = cost(cell);
            var unknowns = AtomsOf(cell).Select(a => row[a]).Where(v => !IsZero(v)).ToList();
            if (weight is null && value == 0 && unknowns.Count == 0)
            {
                continue;
            }

            var equation = _solver.MakeConstraint(value, value);
            unknowns.ForEach(v => equation.SetCoefficient(v, 1));
            if (weight is { } breakable)
            {
                var over = _solver.MakeNumVar(0, double.PositiveInfinity, "");
                var under = _solver.MakeNumVar(0, double.PositiveInfinity, "");
                equation.SetCoefficient(over, -1);
                equation.SetCoefficient(under, 1);
                _breakable.Add((cell, over, under, breakable));
            }
        }
    }

    /// <summary>
    /// Chooses complements as tau-Argus does for linked tables. A narrow cell proven to lie in low..high must
    /// be able to reach down to max(0, high - threshold + 1) and up to that plus threshold - 1, so that its
    /// range holds at least threshold values. For each bound it still misses, the program finds the cheapest
    /// set of published counts whose equations, broken, let it reach that bound while every other published
    /// count, the register and the routing still hold. Withholding that set removes exactly those equations.
    /// Cells chosen once cost nothing afterwards, so narrow cells share complements, and a bound another
    /// cell's point already reaches needs no solve of its own; every few solves, a pass that pushes every open cell
    /// at once with only the cells chosen so far free settles the bounds those complements already reach (on a
    /// 30-council round this halves the solves and withholds the same cells). A linear program (the relaxation the audit's
    /// attacker uses); a narrow cell no set of breakable counts can protect has null complements.
    /// </summary>
    public IReadOnlyList<Protection> Complements(IReadOnlyList<CellRange> narrow, int threshold)
    {
        var keys = narrow.Select(r => KeyOf(r.Cell)).ToList();
        var down = narrow.Select(r => (double)Math.Max(0, r.High - threshold + 1)).ToList();
        // Up to threshold - 1 above that, or to everything the register allows when that is less.
        var up = narrow.Select((r, i) => (double)Math.Min(down[i] + threshold - 1, r.Cap)).ToList();
        var reachedDown = narrow.Select((r, i) => r.Low <= down[i]).ToArray();
        var reachedUp = narrow.Select((r, i) => r.High >= up[i]).ToArray();
        var chosen = narrow.Select(_ => new List<AuditCell>()).ToList();
        var withheld = new HashSet<AuditCell>();
        Reach(keys, down, up, reachedDown, reachedUp, withheld, chosen, ScreenPasses);
        SetCostObjective(withheld);
        var target = _solver.MakeConstraint(double.NegativeInfinity, double.PositiveInfinity);
        Variable[] targetOf = [];
        var unprotectable = new bool[narrow.Count];
        var sinceReach = 0;
        for (var i = 0; i < narrow.Count; i++)
        {
            foreach (var downward in new[] { true, false })
            {
                if (unprotectable[i] || (downward ? reachedDown[i] : reachedUp[i]))
                {
                    continue;
                }

                if (sinceReach >= ReachEvery)
                {
                    // The cells withheld so far may be broken for free: a few solves pushing every open cell at once
                    // settle many bounds the complements chosen since the last such pass already reach.
                    Reach(keys, down, up, reachedDown, reachedUp, withheld, chosen, ReachPasses);
                    SetCostObjective(withheld);
                    sinceReach = 0;
                    if (downward ? reachedDown[i] : reachedUp[i])
                    {
                        continue;
                    }
                }

                // One target row, rewritten for each cell: a row per cell would grow the program with every solve.
                Array.ForEach(targetOf, v => target.SetCoefficient(v, 0));
                targetOf = keys[i].Variables;
                Array.ForEach(targetOf, v => target.SetCoefficient(v, 1));
                target.SetBounds(downward ? double.NegativeInfinity : up[i], downward ? down[i] : double.PositiveInfinity);
                var status = _solver.Solve();
                sinceReach++;
                // Read the point before the program changes again: OR-Tools forgets a solution once its model is modified.
                List<AuditCell> cells = status == Solver.ResultStatus.OPTIMAL ? Broken() : [];
                var point = status == Solver.ResultStatus.OPTIMAL ? keys.Select(k => k.Variables.Sum(v => v.SolutionValue())).ToList() : null;
                target.SetBounds(double.NegativeInfinity, double.PositiveInfinity);
                if (point is null)
                {
                    unprotectable[i] = true;
                    continue;
                }

                chosen[i].AddRange(cells);
                var now = cells.ToHashSet();
                foreach (var (cell, over, under, _) in _breakable.Where(b => !withheld.Contains(b.Cell) && now.Contains(b.Cell)))
                {
                    // Withheld now: free from here on.
                    withheld.Add(cell);
                    _solver.Objective().SetCoefficient(over, 0);
                    _solver.Objective().SetCoefficient(under, 0);
                }

                // This point breaks only the equations of the cells just chosen (and of cells chosen before, now
                // withheld): a bound it reaches is reached once they are withheld, so they count for that cell too.
                Settle(point, i, cells, down, up, reachedDown, reachedUp, chosen);
            }
        }

        return [.. narrow.Select((r, i) => new Protection(r.Cell, unprotectable[i] ? null : chosen[i]))];
    }

    /// <summary>
    /// Marks the bounds a point reaches, for the cells from <paramref name="own"/> on (all when -1), crediting each
    /// other cell with the cells the point breaks as its complements (the own cell has them already).
    /// </summary>
    private static void Settle(
        List<double> point, int own, List<AuditCell> broken, List<double> down, List<double> up, bool[] reachedDown, bool[] reachedUp, List<List<AuditCell>> chosen)
    {
        for (var j = Math.Max(own, 0); j < point.Count; j++)
        {
            var reachesDown = !reachedDown[j] && point[j] <= down[j] + Tolerance * 10;
            var reachesUp = !reachedUp[j] && point[j] >= up[j] - Tolerance * 10;
            if (j != own && (reachesDown || reachesUp))
            {
                chosen[j].AddRange(broken);
            }

            reachedDown[j] |= reachesDown;
            reachedUp[j] |= reachesUp;
        }
    }

    /// <summary>The breakable cells whose equations the last solve broke.</summary>
    private List<AuditCell> Broken() =>
        [.. _breakable.Where(b => b.Over.SolutionValue() + b.Under.SolutionValue() > Tolerance * 10).Select(b => b.Cell)];

    /// <summary>The cost of breaking published counts, per council of difference; those already withheld are free.</summary>
    private void SetCostObjective(HashSet<AuditCell> withheld)
    {
        var objective = _solver.Objective();
        objective.Clear();
        foreach (var (cell, over, under, weight) in _breakable)
        {
            var cost = withheld.Contains(cell) ? 0 : weight;
            objective.SetCoefficient(over, cost);
            objective.SetCoefficient(under, cost);
        }

        objective.SetMinimization();
    }

    /// <summary>
    /// A few solves where only the cells already withheld may break, each pushing every open cell toward a bound it
    /// has not reached (all at once, then seeded subsets): many candidates reach both at such points and need no
    /// solve of their own. A bound reached is credited with the withheld cells that point breaks.
    /// </summary>
    private void Reach(
        List<(string Id, Variable[] Variables)> keys, List<double> down, List<double> up, bool[] reachedDown, bool[] reachedUp,
        HashSet<AuditCell> withheld, List<List<AuditCell>> chosen, int passes)
    {
        _breakable.ForEach(b =>
        {
            var limit = withheld.Contains(b.Cell) ? double.PositiveInfinity : 0;
            b.Over.SetUb(limit);
            b.Under.SetUb(limit);
        });
        var random = new Random(keys.Count + withheld.Count);
        for (var pass = 0; pass < passes; pass++)
        {
            var objective = _solver.Objective();
            objective.Clear();
            var coefficients = new Dictionary<Variable, double>();
            var open = 0;
            for (var i = 0; i < keys.Count; i++)
            {
                if ((reachedDown[i] && reachedUp[i]) || (pass > 0 && random.Next(2) == 0))
                {
                    continue;
                }

                open++;
                var sign = reachedDown[i] ? 1 : -1;
                foreach (var variable in keys[i].Variables)
                {
                    coefficients[variable] = coefficients.GetValueOrDefault(variable) + sign;
                }
            }

            if (open == 0)
            {
                break;
            }

            foreach (var (variable, coefficient) in coefficients)
            {
                objective.SetCoefficient(variable, coefficient);
            }

            objective.SetMaximization();
            Solve();
            Settle([.. keys.Select(k => k.Variables.Sum(v => v.SolutionValue()))], -1, Broken(), down, up, reachedDown, reachedUp, chosen);
        }

        _breakable.ForEach(b => { b.Over.SetUb(double.PositiveInfinity); b.Under.SetUb(double.PositiveInfinity); });
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

                if (link.Exact && link.LeadRows.Count == 0)
                {
                    // Never shown to this type: a bound, not an equation, so such cells are seen to be 0 without a solve.
                    follow[a].SetUb(0);
                    _cap[follow[a]] = 0;
                    continue;
                }

                if (IsZero(follow[a]) && !link.Exact)
                {
                    continue;
                }

                var relation = link.Exact ? _solver.MakeConstraint(0, 0) : _solver.MakeConstraint(double.NegativeInfinity, 0);
                if (!IsZero(follow[a]))
                {
                    relation.SetCoefficient(follow[a], 1);
                }

                leads.Where(lead => !IsZero(lead[a])).ToList().ForEach(lead => relation.SetCoefficient(lead[a], -1));
            }
        }
    }

    /// <summary>
    /// Proves cells safe cheaply before any cell gets its own two solves: a few solves with one objective
    /// over all the cells (all up, all down, then seeded mixed signs, up to 24 or until one settles nothing) give
    /// feasible points, and every value a cell takes at one is a value the attacker cannot rule out. A cell seen at
    /// two whole values that are already safe (see <see cref="LinkedAudit.IsSafe"/>) needs no exact bounds; every
    /// other cell gets them, so a range that is unsafe or a single value is always exact (a safe cell's range may be
    /// part of its true range).
    /// </summary>
    public void Screen(IEnumerable<AuditCell> cells, int threshold)
    {
        var pending = cells.Select(KeyOf).DistinctBy(k => k.Id).Where(k => !IsStructuralZero(k.Variables)).ToList();
        var random = new Random(threshold);
        for (var pass = 0; pass < ScreenPasses && pending.Count > 0; pass++)
        {
            var objective = _solver.Objective();
            objective.Clear();
            var coefficients = new Dictionary<Variable, double>();
            foreach (var key in pending)
            {
                // All up, all down, then seeded mixes (some cells left out) to reach other corners.
                var sign = pass switch { 0 => 1, 1 => -1, _ => random.Next(3) - 1 };
                foreach (var variable in key.Variables)
                {
                    coefficients[variable] = coefficients.GetValueOrDefault(variable) + sign;
                }
            }

            foreach (var (variable, coefficient) in coefficients)
            {
                objective.SetCoefficient(variable, coefficient);
            }

            objective.SetMaximization();
            Solve();
            foreach (var key in pending)
            {
                var value = key.Variables.Sum(v => v.SolutionValue());
                var (low, high) = ((int)Math.Ceiling(value - Tolerance), (int)Math.Floor(value + Tolerance));
                _seen[key.Id] = _seen.TryGetValue(key.Id, out var seen) ? (Math.Min(seen.Low, low), Math.Max(seen.High, high)) : (low, high);
            }

            var before = pending.Count;
            pending = [.. pending.Where(k => Unsettled(k, threshold))];
            if (pass >= 2 && pending.Count == before)
            {
                // A mixed pass that settles nothing: the cells left are narrow, or need their own solves.
                break;
            }
        }

        _threshold = threshold;
        pending = SettleZeros(pending);
        foreach (var key in pending)
        {
            _partial[key.Id] = _seen[key.Id];
            _open[key.Id] = key.Variables;
            _seen.Remove(key.Id);
        }
    }

    /// <summary>
    /// Cells seen only at 0 (often many: groups where nobody responded, options a type never sees) are
    /// settled together: one solve maximising their sum either proves them all 0 or moves some off 0 (then
    /// seen at two values, already safe); repeated until none is left.
    /// </summary>
    private List<(string Id, Variable[] Variables)> SettleZeros(List<(string Id, Variable[] Variables)> pending)
    {
        var zeros = pending.Where(k => _seen[k.Id] == (0, 0)).ToList();
        while (zeros.Count > 0)
        {
            var objective = _solver.Objective();
            objective.Clear();
            foreach (var variable in zeros.SelectMany(k => k.Variables).Distinct())
            {
                objective.SetCoefficient(variable, 1);
            }

            objective.SetMaximization();
            if (Solve() <= Tolerance)
            {
                zeros.ForEach(k => _solved[k.Id] = (0, 0));
                break;
            }

            foreach (var key in zeros)
            {
                var high = (int)Math.Floor(key.Variables.Sum(v => v.SolutionValue()) + Tolerance);
                _seen[key.Id] = (0, Math.Max(_seen[key.Id].High, high));
            }

            zeros = [.. zeros.Where(k => _seen[k.Id].High == 0)];
        }

        return [.. pending.Where(k => !_solved.ContainsKey(k.Id) && Unsettled(k, _threshold))];
    }

    /// <summary>
    /// Whether the values seen of a cell leave it open: seen at one value only, or at a fractional point
    /// (7.5 gives 8..7), or not yet safe. A cell is settled by two distinct whole values that are safe.
    /// </summary>
    private bool Unsettled((string Id, Variable[] Variables) key, int threshold) =>
        _seen[key.Id].High <= _seen[key.Id].Low || !LinkedAudit.IsSafe(_seen[key.Id].Low, _seen[key.Id].High, threshold, CapOf(key.Variables));

    private int CapOf(Variable[] variables) => variables.Sum(v => _cap[v]);

    /// <summary>
    /// The cell's range: the values seen at feasible points when <see cref="Screen"/> proved it safe (part
    /// of the true range, wide enough), else its exact bounds from two solves (one when its maximum is 0).
    /// </summary>
    public CellRange Range(AuditCell cell, bool exact = true)
    {
        var key = KeyOf(cell);
        if (_seen.TryGetValue(key.Id, out var seen))
        {
            return new CellRange(cell, seen.Low, seen.High) { Cap = CapOf(key.Variables) };
        }

        if (IsStructuralZero(key.Variables))
        {
            return new CellRange(cell, 0, 0) { Cap = 0 };
        }

        if (!_solved.ContainsKey(key.Id) && _partial.TryGetValue(key.Id, out var early)
            && early.High > early.Low && LinkedAudit.IsSafe(early.Low, early.High, _threshold, CapOf(key.Variables)))
        {
            // Settled since screening by the points of other cells' solves.
            _open.Remove(key.Id);
            return new CellRange(cell, early.Low, early.High) { Cap = CapOf(key.Variables) };
        }

        if (!exact && !_solved.ContainsKey(key.Id) && _partial.TryGetValue(key.Id, out var seenOnly))
        {
            return new CellRange(cell, seenOnly.Low, seenOnly.High) { Cap = CapOf(key.Variables) };
        }

        if (!_solved.TryGetValue(key.Id, out var bounds))
        {
            var objective = _solver.Objective();
            objective.Clear();
            Array.ForEach(key.Variables, v => objective.SetCoefficient(v, 1));
            objective.SetMaximization();
            var high = Solve();
            Absorb();
            var low = 0.0;
            if (_partial.TryGetValue(key.Id, out var part) && Math.Floor(high + Tolerance) - part.Low + 1 >= _threshold)
            {
                // Safe already by its maximum and the lowest value seen: its own minimum is not needed.
                low = part.Low;
            }
            else if (high > Tolerance)
            {
                objective.SetMinimization();
                low = Solve();
                Absorb();
            }

            _solved[key.Id] = bounds = (low, high);
            _open.Remove(key.Id);
        }

        return new CellRange(cell, (int)Math.Ceiling(bounds.Low - Tolerance), (int)Math.Floor(bounds.High + Tolerance)) { Cap = CapOf(key.Variables) };
    }

    /// <summary>
    /// Every exact solve ends at a feasible point: the values the cells still open take there are values the
    /// attacker cannot rule out either, so each solve also widens what is seen of the others (as screening does).
    /// </summary>
    private void Absorb()
    {
        foreach (var (id, variables) in _open)
        {
            var value = variables.Sum(v => v.SolutionValue());
            var seen = _partial[id];
            _partial[id] = (Math.Min(seen.Low, (int)Math.Ceiling(value - Tolerance)), Math.Max(seen.High, (int)Math.Floor(value + Tolerance)));
        }
    }

    private static Solver CreateSolver()
    {
        var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools' GLOP solver is not available.");
        // The same program is solved many times with only the objective changed: without presolve GLOP
        // starts each solve from the last basis.
        solver.SetSolverSpecificParametersAsString("use_preprocessing: false");
        return solver;
    }

    /// <summary>Whether the register allows nothing but 0: an option none of the group's councils see.</summary>
    private bool IsStructuralZero(Variable[] variables) => CapOf(variables) == 0;

    private (string Id, Variable[] Variables) KeyOf(AuditCell cell)
    {
        var atoms = AtomsOf(cell).ToList();
        var row = _rows[(cell.Family, cell.Row)];
        return ($"{cell.Family}\u0001{cell.Row}\u0001{string.Join(',', atoms)}", [.. atoms.Select(a => row[a])]);
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
            _rows[(family, row)] = variables = [.. _atoms.Select((atom, a) => Unknown(atom.Councils, _zero.Contains((family, row, a))))];
            _families.Add(family);
        }

        return variables;
    }

    private Variable Unknown(int cap, bool zero)
    {
        var variable = _solver.MakeNumVar(0, zero ? 0 : cap, "");
        _cap[variable] = cap;
        if (zero)
        {
            _fixed.Add(variable);
        }

        return variable;
    }

    private void AtMost(Variable part, Variable whole)
    {
        if (ReferenceEquals(part, whole) || IsZero(part))
        {
            return;
        }

        var relation = _solver.MakeConstraint(double.NegativeInfinity, 0);
        relation.SetCoefficient(part, 1);
        relation.SetCoefficient(whole, -1);
    }
}
