using Google.OrTools.LinearSolver;

namespace ReadinessSurvey.Aggregation.Disclosure;

/// <summary>One linear program over a group of families, solved once per bound asked of it.</summary>
internal sealed class AuditProgram : IDisposable
{
    private const double Tolerance = 1e-6;
    private const int ScreenPasses = 24;

    private readonly Solver _solver = CreateSolver();
    private readonly IReadOnlyList<RegisterAtom> _atoms;
    private readonly Dictionary<(string Family, string Row), Variable[]> _rows = new();
    private readonly Dictionary<string, (double Low, double High)> _solved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Low, int High)> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Low, int High)> _partial = new(StringComparer.Ordinal);
    private readonly List<Releasable> _releasable = [];
    private readonly List<(AuditCell Cell, Variable[] Variables)> _watched = [];
    private Constraint? _target;
    private int _threshold = int.MaxValue;

    public AuditProgram(IReadOnlyList<AuditFamily> families, IReadOnlyList<RegisterAtom> atoms)
    {
        _atoms = atoms;
        var submitted = Add(LinkedAudit.ResponseFamily, LinkedAudit.SubmittedRow);
        foreach (var family in families.Where(f => f.Name != LinkedAudit.ResponseFamily))
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
            Equation(cell);
        }
    }

    /// <summary>
    /// Publishes cells as equations a protector may release: each gets two deviation variables (up and
    /// down), free to move, at <paramref name="weight"/> per council moved. A solve that moves a cell's
    /// value says that cell must be withheld; once released its deviation costs nothing.
    /// </summary>
    public void PublishReleasable(IEnumerable<AuditCell> cells, Func<AuditCell, double> weight)
    {
        foreach (var cell in cells)
        {
            if (Equation(cell) is not { } equation)
            {
                continue;
            }

            var up = _solver.MakeNumVar(0, double.PositiveInfinity, "");
            var down = _solver.MakeNumVar(0, double.PositiveInfinity, "");
            equation.SetCoefficient(up, -1);
            equation.SetCoefficient(down, 1);
            _releasable.Add(new Releasable(cell, up, down, weight(cell)));
        }
    }

    /// <summary>
    /// The cheapest set of published cells whose withholding lets the cell take a value in
    /// [<paramref name="low"/>, <paramref name="high"/>] (the protector's target for it), or null when
    /// no set does (the register and the questionnaire alone rule it out). The cells found are released:
    /// later calls reuse them for free, which is how complements come to protect several cells at once.
    /// </summary>
    public IReadOnlyList<AuditCell>? Release(AuditCell cell, double low, double high)
    {
        var (_, variables) = KeyOf(cell);
        _target ??= _solver.MakeConstraint();
        _target.Clear();
        Array.ForEach(variables, v => _target.SetCoefficient(v, 1));
        _target.SetBounds(low, high);
        var objective = _solver.Objective();
        objective.Clear();
        foreach (var release in _releasable.Where(r => !r.Released))
        {
            objective.SetCoefficient(release.Up, release.Weight);
            objective.SetCoefficient(release.Down, release.Weight);
        }

        objective.SetMinimization();
        var status = _solver.Solve();
        var moved = status == Solver.ResultStatus.OPTIMAL
            ? _releasable.Where(r => !r.Released && r.Up.SolutionValue() + r.Down.SolutionValue() > Tolerance).ToList()
            : [];
        if (status == Solver.ResultStatus.OPTIMAL)
        {
            RecordWatched();
        }

        _target.SetBounds(double.NegativeInfinity, double.PositiveInfinity);
        if (status == Solver.ResultStatus.INFEASIBLE)
        {
            return null;
        }

        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException($"The disclosure protection's linear program ended {status}.");
        }

        moved.ForEach(r => r.Released = true);
        return [.. moved.Select(r => r.Cell)];
    }

    /// <summary>
    /// Records points of the view as it stands (nothing released): all watched cells up, all down, then
    /// seeded mixes. A watched cell whose primary neighbours already let it reach its targets is seen
    /// there and needs no <see cref="Release"/> solve of its own.
    /// </summary>
    public void SeePoints(int passes)
    {
        var fixedNow = _releasable.Where(r => !r.Released).ToList();
        fixedNow.ForEach(r => { r.Up.SetUb(0); r.Down.SetUb(0); });
        var random = new Random(passes);
        for (var pass = 0; pass < passes; pass++)
        {
            var objective = _solver.Objective();
            objective.Clear();
            var coefficients = new Dictionary<Variable, double>();
            foreach (var (_, variables) in _watched)
            {
                var sign = pass switch { 0 => 1, 1 => -1, _ => random.Next(3) - 1 };
                foreach (var variable in variables)
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
            RecordWatched();
        }

        fixedNow.ForEach(r => { r.Up.SetUb(double.PositiveInfinity); r.Down.SetUb(double.PositiveInfinity); });
    }

    /// <summary>Cells whose values <see cref="Release"/> records at every point it finds (see <see cref="Seen"/>).</summary>
    public void Watch(IEnumerable<AuditCell> cells) => _watched.AddRange(cells.Select(c => (c, KeyOf(c).Variables)));

    /// <summary>
    /// The lowest and highest value each watched cell took at the points <see cref="Release"/> found. Each
    /// point stays possible for the attacker (its moved cells are released, and releasing only widens),
    /// so a cell already seen at its target needs no solve of its own.
    /// </summary>
    public Dictionary<AuditCell, (double Low, double High)> Seen { get; } = [];

    /// <summary>The smallest or largest value the cell can take with every releasable cell released: what the register and the questionnaire alone allow.</summary>
    public double Extreme(AuditCell cell, bool largest)
    {
        var objective = _solver.Objective();
        objective.Clear();
        Array.ForEach(KeyOf(cell).Variables, v => objective.SetCoefficient(v, 1));
        objective.SetOptimizationDirection(largest);
        return Solve();
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
                    continue;
                }

                var relation = link.Exact ? _solver.MakeConstraint(0, 0) : _solver.MakeConstraint(double.NegativeInfinity, 0);
                relation.SetCoefficient(follow[a], 1);
                leads.ForEach(lead => relation.SetCoefficient(lead[a], -1));
            }
        }
    }

    /// <summary>
    /// Proves cells safe cheaply before any cell gets its own two solves: a few solves with one objective
    /// over all the cells (all up, all down, then seeded mixed signs) give feasible points, and every value a
    /// cell takes at one is a value the attacker cannot rule out. A cell whose values seen so far already
    /// span a range <paramref name="threshold"/> wide needs no exact bounds.
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

            pending = [.. pending.Where(k => _seen[k.Id].High - _seen[k.Id].Low < threshold)];
        }

        _threshold = threshold;
        foreach (var key in pending)
        {
            _partial[key.Id] = _seen[key.Id];
            _seen.Remove(key.Id);
        }
    }

    /// <summary>
    /// The cell's range: the values seen at feasible points when <see cref="Screen"/> proved it safe (part
    /// of the true range, wide enough), else its exact bounds from two solves (one when its maximum is 0).
    /// </summary>
    public CellRange Range(AuditCell cell)
    {
        var key = KeyOf(cell);
        if (_seen.TryGetValue(key.Id, out var seen))
        {
            return new CellRange(cell, seen.Low, seen.High);
        }

        if (IsStructuralZero(key.Variables))
        {
            return new CellRange(cell, 0, 0);
        }

        if (!_solved.TryGetValue(key.Id, out var bounds))
        {
            var objective = _solver.Objective();
            objective.Clear();
            Array.ForEach(key.Variables, v => objective.SetCoefficient(v, 1));
            objective.SetMaximization();
            var high = Solve();
            var low = 0.0;
            if (_partial.TryGetValue(key.Id, out var part) && Math.Floor(high + Tolerance) - part.Low >= _threshold)
            {
                // Wide enough already from the lowest value seen to its maximum: its own minimum is not needed.
                low = part.Low;
            }
            else if (high > Tolerance)
            {
                objective.SetMinimization();
                low = Solve();
            }

            _solved[key.Id] = bounds = (low, high);
        }

        return new CellRange(cell, (int)Math.Ceiling(bounds.Low - Tolerance), (int)Math.Floor(bounds.High + Tolerance));
    }

    /// <summary>The published cell's equation (the sum of its group's atoms is its value), or null for a row this program does not hold.</summary>
    private Constraint? Equation(AuditCell cell)
    {
        if (!_rows.TryGetValue((cell.Family, cell.Row), out var row))
        {
            return null;
        }

        var value = cell.Value!.Value;
        var equation = _solver.MakeConstraint(value, value);
        foreach (var a in AtomsOf(cell))
        {
            equation.SetCoefficient(row[a], 1);
        }

        return equation;
    }

    private void RecordWatched()
    {
        foreach (var (watched, variables) in _watched)
        {
            var value = variables.Sum(v => v.SolutionValue());
            Seen[watched] = Seen.TryGetValue(watched, out var seen) ? (Math.Min(seen.Low, value), Math.Max(seen.High, value)) : (value, value);
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

    private static bool IsStructuralZero(Variable[] variables) => variables.All(v => v.Ub() == 0);

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

    private sealed record Releasable(AuditCell Cell, Variable Up, Variable Down, double Weight)
    {
        public bool Released { get; set; }
    }
}
