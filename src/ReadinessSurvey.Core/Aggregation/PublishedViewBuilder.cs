using System.Globalization;
using ReadinessSurvey.Aggregation.Disclosure;
using ReadinessSurvey.Aggregation.Statistics;

namespace ReadinessSurvey.Aggregation;

/// <summary>
/// Turns the internal view into the published view: lays every published count out as a
/// <see cref="CountTable"/>, runs the <see cref="Suppressor"/> over all of them together, and copies the
/// internal view with withheld numbers set to null. Per-council data and the not-submitted list are left out.
/// </summary>
/// <remarks>
/// Statistics follow their counts: a group's mean, median and quartiles are withheld when its n is
/// (primary or secondary, since a mean times n adds up to the sector's), a percentage when its count or
/// base is. Min and max are never published: each is one council's value. Rows equal to the number of
/// councils that submitted in every group (the response counts, the base of a question everyone
/// answered, the maturity total) are linked across tables, so a number withheld in one is withheld in all.
/// </remarks>
internal sealed class PublishedViewBuilder(
    ContentBuilder source, SnapshotContent content, int threshold, IReadOnlyList<RegisterAtom> atoms, IReadOnlyList<RoutingLink> links)
{
    public const string BaseRow = "(base)";
    public const string CountRow = "(n)";
    public const string UnscoredRow = "(unscored)";
    public const string SubmittedRow = "(submitted)";
    private const string SubmittedLink = AuditedProtection.SubmittedLink;

    private static readonly string[] CountBreakdowns = [Breakdowns.Type, Breakdowns.Region, Breakdowns.Tier];
    // No maturity columns for questions and dimensions: see PublishedSystem.
    private static readonly string[] QuestionBreakdowns = [Breakdowns.Type, Breakdowns.Region, Breakdowns.Tier];

    private readonly Dictionary<(string Breakdown, string Group), string> _populations = [];
    private SuppressionResult _result = new(new HashSet<CellRef>(), []);

    public (SnapshotContent Published, IReadOnlyList<SuppressionLogEntry> Log) Build()
    {
        var tables = new List<CountTable>();
        tables.AddRange(ResponseTables());
        foreach (var question in content.Questions)
        {
            tables.AddRange(QuestionTables(question));
        }

        foreach (var dimension in content.Dimensions)
        {
            tables.AddRange(DimensionTables(dimension));
        }

        tables.AddRange(MaturityTables());
        var protectedView = AuditedProtection.Protect(tables, threshold, NestedSums(tables), Publish, atoms, links);
        return (protectedView.Published, protectedView.Suppression.Log);
    }

    /// <summary>The published view with the cells a suppression result withholds set to null.</summary>
    private SnapshotContent Publish(SuppressionResult result)
    {
        _result = result;
        return content with
        {
            Published = true,
            Responses = new ResponseSummary([.. content.Responses.Rates.Select(PublishRate)], []),
            Councils = [],
            Questions = [.. content.Questions.Select(PublishQuestion)],
            Dimensions = [.. content.Dimensions.Select(PublishDimension)],
            Maturity = [.. content.Maturity.Select(PublishMaturity)],
        };
    }

    private IEnumerable<CountTable> ResponseTables()
    {
        var rates = content.Responses.Rates;
        return Tables("response", "response", CountBreakdowns, [SubmittedRow], null, false, (row, breakdown, group) =>
            rates.Single(r => r.Breakdown == breakdown && r.Group == group).Submitted ?? 0);
    }

    private IEnumerable<CountTable> QuestionTables(QuestionResult question)
    {
        var groups = question.Groups;
        if (question.Kind == QuestionKinds.Number)
        {
            return Tables($"number:{question.QuestionId}", $"number:{question.QuestionId}", QuestionBreakdowns, [CountRow], null, false,
                (row, breakdown, group) => Find(groups, breakdown, group).Base ?? 0);
        }

        // An option shown only to some councils has its own base: a row of its own, protected like any count.
        var shownToSome = question.ShownToSome ?? [];
        var family = $"question:{question.QuestionId}";
        List<string> rows = [.. groups.Count == 0 ? [] : groups[0].Options.Select(o => o.Value), .. shownToSome.Select(PublishedSystem.OptionBaseRow)];
        return Tables($"question:{question.QuestionId}", $"question:{question.QuestionId}", QuestionBreakdowns, rows, BaseRow,
            QuestionKinds.IsChoice(question.Kind),
            (row, breakdown, group) =>
            {
                var cell = Find(groups, breakdown, group);
                if (row == BaseRow)
                {
                    return cell.Base ?? 0;
                }

                var own = shownToSome.FirstOrDefault(o => PublishedSystem.OptionBaseRow(o) == row);
                return own is not null ? cell.Options.Single(o => o.Value == own).Base ?? 0 : cell.Options.Single(o => o.Value == row).Count ?? 0;
            }).Select(table => LinkOptionBases(table, family, shownToSome));
    }

    /// <summary>
    /// An option's own base counts the group's councils of the types always shown it: where those are the
    /// group's councils (a type shown it, a region without districts), it is the question's base itself,
    /// so the two cells are linked and withheld together.
    /// </summary>
    private CountTable LinkOptionBases(CountTable table, string family, IReadOnlyList<string> shownToSome)
    {
        var breakdown = table.Name[(table.Name.LastIndexOf(':') + 1)..];
        foreach (var option in shownToSome)
        {
            var row = PublishedSystem.OptionBaseRow(option);
            var shownTypes = links.Where(l => l.Family == family && l.Row == row && l.Exact && l.LeadFamily == family).Select(l => l.Type).ToHashSet();
            if (shownTypes.Count == 0)
            {
                continue;
            }

            table.LinkRow(row, table.LinkOf(BaseRow));
            table.WithCellPopulation(row, CountTable.AllColumn, Population(Breakdowns.Sector, Breakdowns.AllGroup, shownTypes));
            foreach (var column in table.Columns)
            {
                table.WithCellPopulation(row, column, Population(breakdown, column, shownTypes));
            }
        }

        return table;
    }

    private IEnumerable<CountTable> DimensionTables(DimensionResult dimension) =>
        Tables($"dimension:{dimension.DimensionId}", $"dimension:{dimension.DimensionId}", QuestionBreakdowns, [CountRow, UnscoredRow], null, false,
            (row, breakdown, group) =>
            {
                var cell = dimension.Groups.Single(g => g.Breakdown == breakdown && g.Group == group);
                return (row == CountRow ? cell.Scores.N : cell.Unscored) ?? 0;
            });

    private IEnumerable<CountTable> MaturityTables() =>
        Tables("maturity", "maturity", CountBreakdowns,
            [.. Enumerable.Range(1, MaturityLevels.Count).Select(l => l.ToString(CultureInfo.InvariantCulture))], CountRow, true,
            (row, breakdown, group) =>
            {
                var cell = content.Maturity.Single(m => m.Breakdown == breakdown && m.Group == group);
                return row == CountRow ? cell.N ?? 0 : cell.Levels.Single(l => l.Level.ToString(CultureInfo.InvariantCulture) == row).Count ?? 0;
            });

    private IEnumerable<CountTable> Tables(
        string prefix, string family, string[] breakdowns, IReadOnlyList<string> rows, string? totalRow, bool rowsAddUp, Func<string, string, string, int> count)
    {
        foreach (var breakdown in breakdowns)
        {
            var columns = source.GroupsOf(breakdown).ToList();
            var table = new CountTable($"{prefix}:{breakdown}", family, rows, columns, totalRow, rowsAddUp);
            foreach (var row in table.AllRows)
            {
                foreach (var column in columns)
                {
                    table[row, column] = count(row, breakdown, column);
                }

                table[row, CountTable.AllColumn] = count(row, Breakdowns.Sector, Breakdowns.AllGroup);
            }

            table.WithPopulation(CountTable.AllColumn, Population(Breakdowns.Sector, Breakdowns.AllGroup));
            foreach (var column in columns)
            {
                table.WithPopulation(column, Population(breakdown, column));
            }

            foreach (var row in table.AllRows)
            {
                if (row == SubmittedRow || table.AllColumns.All(c => table[row, c] == Submitted(breakdown, c)))
                {
                    table.LinkRow(row, SubmittedLink);
                }
            }

            yield return table;
        }
    }

    /// <summary>
    /// Relations between breakdowns where a group is exactly the union of two or more groups of another
    /// (tier "unitary" = types E06, E08, E09 and W06): for each row of each family, the inner cells add up
    /// to the outer one.
    /// </summary>
    private List<SumRelation> NestedSums(List<CountTable> tables)
    {
        // Cells partition the councils, so a group lies inside another exactly when its cells do.
        var nestings = new List<(string Outer, string Group, string Inner, List<string> Parts)>();
        foreach (var outer in QuestionBreakdowns)
        {
            foreach (var group in source.GroupsOf(outer))
            {
                var cells = source.CellsIn(outer, group).Select(c => c.Key).ToHashSet();
                foreach (var inner in QuestionBreakdowns.Where(b => b != outer))
                {
                    var parts = source.GroupsOf(inner)
                        .Where(g => source.CellsIn(inner, g).Count > 0 && source.CellsIn(inner, g).All(c => cells.Contains(c.Key)))
                        .ToList();
                    if (parts.Count >= 2 && parts.Sum(g => source.CountIn(inner, g)) == source.CountIn(outer, group))
                    {
                        nestings.Add((outer, group, inner, parts));
                    }
                }
            }
        }

        var sums = new List<SumRelation>();
        foreach (var family in tables.GroupBy(t => t.Family))
        {
            var byBreakdown = family.ToDictionary(t => t.Name[(t.Name.LastIndexOf(':') + 1)..], StringComparer.Ordinal);
            foreach (var (outer, group, inner, parts) in nestings)
            {
                if (byBreakdown.TryGetValue(outer, out var outerTable) && byBreakdown.TryGetValue(inner, out var innerTable))
                {
                    sums.AddRange(outerTable.AllRows.Select(row => new SumRelation(
                        [.. parts.Select(part => new CellRef(innerTable.Name, row, part))],
                        new CellRef(outerTable.Name, row, group))));
                }
            }
        }

        return sums;
    }

    private int Submitted(string breakdown, string column) =>
        column == CountTable.AllColumn ? source.SubmittedCount : source.CountIn(breakdown, column);

    /// <summary>
    /// Names the set of councils in a group by the finest cells it holds: two groups hold the same
    /// councils exactly when they hold the same cells. Short names, where naming by council ids made
    /// strings as long as the sector and hashed them for every cell of every table.
    /// </summary>
    /// <summary>The councils of a group whose type is one of the given types, named as <see cref="Population(string, string)"/> names a group.</summary>
    private string Population(string breakdown, string group, HashSet<string?> types)
    {
        var cells = source.CellsIn(breakdown, group).Where(c => types.Contains(c.Key.TypeCode)).ToList();
        if (cells.Count == source.CellsIn(breakdown, group).Count)
        {
            return Population(breakdown, group);
        }

        return cells.Count == 0
            ? $"empty:{breakdown}:{group}:shown"
            : "cells:" + SnapshotJson.Sha256(string.Join(',', cells.Select(c => c.Key.Key).Order(StringComparer.Ordinal)));
    }

    private string Population(string breakdown, string group)
    {
        if (!_populations.TryGetValue((breakdown, group), out var population))
        {
            var cells = source.CellsIn(breakdown, group);
            // An empty group shares no councils with anything; give it its own name so empty groups are not linked.
            population = cells.Count == 0
                ? $"empty:{breakdown}:{group}"
                : "cells:" + SnapshotJson.Sha256(string.Join(',', cells.Select(c => c.Key.Key).Order(StringComparer.Ordinal)));
            _populations[(breakdown, group)] = population;
        }

        return population;
    }

    private static QuestionGroup Find(IReadOnlyList<QuestionGroup> groups, string breakdown, string group) =>
        groups.Single(g => g.Breakdown == breakdown && g.Group == group);

    private bool Withheld(string table, string breakdown, string group, string row) =>
        breakdown == Breakdowns.Sector
            ? _result.IsWithheld($"{table}:{Breakdowns.Type}", row, CountTable.AllColumn)
            : _result.IsWithheld($"{table}:{breakdown}", row, group);

    private ResponseRate PublishRate(ResponseRate rate) =>
        Withheld("response", rate.Breakdown, rate.Group, SubmittedRow) ? rate with { Submitted = null, Percent = null } : rate;

    private QuestionResult PublishQuestion(QuestionResult question)
    {
        if (question.Kind == QuestionKinds.Number)
        {
            return question with
            {
                Groups = [.. question.Groups.Where(g => g.Breakdown != Breakdowns.Maturity).Select(g =>
                    Withheld($"number:{question.QuestionId}", g.Breakdown, g.Group, CountRow)
                        ? g with { Base = null, Numbers = WithheldStats }
                        : g with { Numbers = g.Numbers is null ? null : g.Numbers with { Min = null, Max = null } })],
            };
        }

        var table = $"question:{question.QuestionId}";
        var shownToSome = question.ShownToSome ?? [];
        return question with
        {
            Groups = [.. question.Groups.Where(g => g.Breakdown != Breakdowns.Maturity).Select(g =>
            {
                var baseWithheld = Withheld(table, g.Breakdown, g.Group, BaseRow);
                return g with
                {
                    Base = baseWithheld ? null : g.Base,
                    Options = [.. g.Options.Select(o =>
                    {
                        var optionBaseWithheld = shownToSome.Contains(o.Value)
                            ? Withheld(table, g.Breakdown, g.Group, PublishedSystem.OptionBaseRow(o.Value))
                            : baseWithheld;
                        var published = optionBaseWithheld ? o with { Base = null, Percent = null } : o;
                        return Withheld(table, g.Breakdown, g.Group, o.Value) ? published with { Count = null, Percent = null } : published;
                    })],
                };
            })],
        };
    }

    private static Stats WithheldStats { get; } = new(null, null, null, null, null, null, null);

    private DimensionResult PublishDimension(DimensionResult dimension)
    {
        var table = $"dimension:{dimension.DimensionId}";
        return dimension with
        {
            Groups = [.. dimension.Groups.Where(g => g.Breakdown != Breakdowns.Maturity).Select(g => g with
            {
                Scores = Withheld(table, g.Breakdown, g.Group, CountRow) ? WithheldStats : g.Scores with { Min = null, Max = null },
                Unscored = Withheld(table, g.Breakdown, g.Group, UnscoredRow) ? null : g.Unscored,
            })],
        };
    }

    private MaturityResult PublishMaturity(MaturityResult maturity)
    {
        var nWithheld = Withheld("maturity", maturity.Breakdown, maturity.Group, CountRow);
        return maturity with
        {
            N = nWithheld ? null : maturity.N,
            Levels = [.. maturity.Levels.Select(l =>
                Withheld("maturity", maturity.Breakdown, maturity.Group, l.Level.ToString(CultureInfo.InvariantCulture))
                    ? l with { Count = null, Percent = null }
                    : nWithheld ? l with { Percent = null } : l)],
        };
    }
}
