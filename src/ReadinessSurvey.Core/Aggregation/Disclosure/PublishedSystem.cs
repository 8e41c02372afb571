using System.Globalization;

namespace ReadinessSurvey.Aggregation.Disclosure;

/// <summary>
/// Every count a snapshot view publishes, as the <see cref="LinkedAudit"/> reads it: families of rows,
/// and one cell per row and group of the register's breakdowns (sector, type, region, tier). Built from
/// the view alone, so run on the published view it holds exactly what a reader of the API's JSON (from
/// which the workbooks, charts and public files are made) holds; withheld numbers are null.
/// </summary>
/// <remarks>
/// Maturity-level columns are not read: the published view has none for questions and dimensions (a
/// maturity level is made from the answers themselves, and crossing it with every question would link
/// a third partition the register cannot bound). The maturity family itself is read by type, region and tier.
/// </remarks>
public sealed record PublishedSystem(IReadOnlyList<AuditFamily> Families, IReadOnlyList<AuditCell> Cells)
{
    public const string BaseRow = "(base)";
    public const string CountRow = "(n)";
    public const string UnscoredRow = "(unscored)";
    public const string MaturityFamily = "maturity";

    /// <summary>The row of an option's own base (the councils shown it), for an option shown only to some councils.</summary>
    public static string OptionBaseRow(string option) => $"(base) {option}";

    private static readonly HashSet<string> RegisterBreakdowns = [Breakdowns.Sector, Breakdowns.Type, Breakdowns.Region, Breakdowns.Tier];

    public static PublishedSystem From(SnapshotContent view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var families = new List<AuditFamily> { new(LinkedAudit.ResponseFamily, [LinkedAudit.SubmittedRow], null, RowRule.None) };
        var cells = new List<AuditCell>();
        cells.AddRange(view.Responses.Rates
            .Where(r => RegisterBreakdowns.Contains(r.Breakdown))
            .Select(r => new AuditCell(LinkedAudit.ResponseFamily, LinkedAudit.SubmittedRow, r.Breakdown, r.Group, r.Submitted)));

        foreach (var question in view.Questions)
        {
            var groups = question.Groups.Where(g => RegisterBreakdowns.Contains(g.Breakdown)).ToList();
            if (question.Kind == QuestionKinds.Number)
            {
                var family = $"number:{question.QuestionId}";
                families.Add(new AuditFamily(family, [CountRow], null, RowRule.None));
                cells.AddRange(groups.Select(g => new AuditCell(family, CountRow, g.Breakdown, g.Group, g.Base)));
                continue;
            }

            var name = $"question:{question.QuestionId}";
            var shownToSome = question.ShownToSome ?? [];
            var rows = groups.SelectMany(g => g.Options.Select(o => o.Value)).Distinct(StringComparer.Ordinal)
                .Concat(shownToSome.Select(OptionBaseRow)).ToList();
            var rule = QuestionKinds.IsChoice(question.Kind) ? RowRule.AddUp : RowRule.AtMostTotal;
            families.Add(new AuditFamily(name, rows, BaseRow, rule));
            foreach (var group in groups)
            {
                cells.Add(new AuditCell(name, BaseRow, group.Breakdown, group.Group, group.Base));
                cells.AddRange(group.Options.Select(o => new AuditCell(name, o.Value, group.Breakdown, group.Group, o.Count)));
                cells.AddRange(group.Options.Where(o => shownToSome.Contains(o.Value))
                    .Select(o => new AuditCell(name, OptionBaseRow(o.Value), group.Breakdown, group.Group, o.Base)));
            }
        }

        foreach (var dimension in view.Dimensions)
        {
            var name = $"dimension:{dimension.DimensionId}";
            families.Add(new AuditFamily(name, [CountRow, UnscoredRow], null, RowRule.None));
            foreach (var group in dimension.Groups.Where(g => RegisterBreakdowns.Contains(g.Breakdown)))
            {
                cells.Add(new AuditCell(name, CountRow, group.Breakdown, group.Group, group.Scores.N));
                cells.Add(new AuditCell(name, UnscoredRow, group.Breakdown, group.Group, group.Unscored));
            }
        }

        var levels = view.Maturity.SelectMany(m => m.Levels).Select(l => Level(l.Level)).Distinct(StringComparer.Ordinal).ToList();
        families.Add(new AuditFamily(MaturityFamily, levels, CountRow, RowRule.AddUp));
        foreach (var maturity in view.Maturity.Where(m => RegisterBreakdowns.Contains(m.Breakdown)))
        {
            cells.Add(new AuditCell(MaturityFamily, CountRow, maturity.Breakdown, maturity.Group, maturity.N));
            cells.AddRange(maturity.Levels.Select(l => new AuditCell(MaturityFamily, Level(l.Level), maturity.Breakdown, maturity.Group, l.Count)));
        }

        return new PublishedSystem(families, cells);
    }

    /// <summary>
    /// The register's smallest public groups (one council type in one region) from the register's counts,
    /// with each type and region as the published view keys it.
    /// </summary>
    public static IReadOnlyList<RegisterAtom> Atoms(IEnumerable<GroupCount> registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        return [.. registered
            .GroupBy(r => (r.TypeCode, r.RegionCode, r.Tier))
            .OrderBy(g => g.Key.TypeCode, StringComparer.Ordinal).ThenBy(g => g.Key.RegionCode, StringComparer.Ordinal)
            .Select(g => new RegisterAtom(g.Key.TypeCode, g.Key.RegionCode, g.Key.Tier, g.Sum(r => r.Count)))];
    }

    private static string Level(int level) => level.ToString(CultureInfo.InvariantCulture);
}
