namespace ReadinessSurvey.Aggregation.Statistics;

/// <summary>
/// A table of counts of councils to be published: rows (e.g. a question's options) by columns (e.g.
/// council types), with the sector column <see cref="AllColumn"/> holding each row's total and an
/// optional total row (the base) holding each column's total.
/// </summary>
/// <remarks>
/// The additive relations the suppressor protects follow from the shape: every row adds up across the
/// columns to its <see cref="AllColumn"/> cell (each council has exactly one type, one region...), and
/// when <see cref="RowsAddUp"/> (single-choice questions, maturity levels) the rows of each column add
/// up to the total row. Multiple-choice rows do not add up (a council ticks several), so they set it false.
/// </remarks>
public sealed class CountTable
{
    /// <summary>The sector (all councils) column present in every table.</summary>
    public const string AllColumn = "all";

    private readonly Dictionary<(string Row, string Column), int> _counts = [];
    private readonly Dictionary<string, string> _populations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rowLinks = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Row, string Column), string> _cellPopulations = [];

    /// <param name="name">Unique name, used in the suppression log, e.g. "question:B1:type".</param>
    /// <param name="family">
    /// Tables of one family count the same thing under different breakdowns (e.g. question B1 by type and
    /// by region): cells with the same row and the same population of councils are the same number, so
    /// withholding one withholds all of them.
    /// </param>
    /// <param name="rows">Rows other than the total row.</param>
    /// <param name="columns">Columns other than <see cref="AllColumn"/>.</param>
    /// <param name="totalRow">Name of the total (base) row, or null.</param>
    /// <param name="rowsAddUp">Whether the rows of each column add up to the total row.</param>
    public CountTable(string name, string family, IReadOnlyList<string> rows, IReadOnlyList<string> columns, string? totalRow, bool rowsAddUp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        if (rowsAddUp && totalRow is null)
        {
            throw new ArgumentException("Rows can only add up to a total row.", nameof(rowsAddUp));
        }

        Name = name;
        Family = family;
        Rows = rows;
        Columns = columns;
        TotalRow = totalRow;
        RowsAddUp = rowsAddUp;
    }

    public string Name { get; }

    public string Family { get; }

    public IReadOnlyList<string> Rows { get; }

    public IReadOnlyList<string> Columns { get; }

    public string? TotalRow { get; }

    public bool RowsAddUp { get; }

    /// <summary>Rows including the total row, if any.</summary>
    public IEnumerable<string> AllRows => TotalRow is null ? Rows : Rows.Append(TotalRow);

    /// <summary>Columns including <see cref="AllColumn"/>.</summary>
    public IEnumerable<string> AllColumns => Columns.Append(AllColumn);

    public int this[string row, string column]
    {
        get => _counts.TryGetValue((row, column), out var count) ? count : 0;
        set => _counts[(row, column)] = value;
    }

    /// <summary>
    /// Names the set of councils a column covers, so columns of different breakdowns that cover the same
    /// councils (e.g. type W06 and region Wales) are linked. Columns without one are linked only within
    /// this table; <see cref="AllColumn"/> is always the population "all".
    /// </summary>
    public CountTable WithPopulation(string column, string population)
    {
        _populations[column] = population;
        return this;
    }

    /// <summary>
    /// Declares that a row counts the same thing as rows of other families with the same link (e.g. a
    /// question every council answered has a base equal to the number of councils that submitted), so
    /// its cells are linked to theirs for the same population.
    /// </summary>
    public CountTable LinkRow(string row, string link)
    {
        _rowLinks[row] = link;
        return this;
    }

    /// <summary>
    /// Names the councils one cell counts among when they are not its column's (an option shown only to some
    /// council types counts among the group's councils of those types), so it is linked to the cells of
    /// other rows with the same link that count the same councils.
    /// </summary>
    public CountTable WithCellPopulation(string row, string column, string population)
    {
        _cellPopulations[(row, column)] = population;
        return this;
    }

    internal string PopulationOf(string row, string column) =>
        _cellPopulations.TryGetValue((row, column), out var population) ? population : PopulationOf(column);

    internal string PopulationOf(string column) =>
        _populations.TryGetValue(column, out var population) ? population
        : column == AllColumn ? AllColumn
        : $"{Name}/{column}";

    internal string LinkOf(string row) =>
        _rowLinks.TryGetValue(row, out var link) ? link : $"{Family}/{row}";
}

/// <summary>One cell of a <see cref="CountTable"/>.</summary>
public readonly record struct CellRef(string Table, string Row, string Column)
{
    public override string ToString() => $"{Table} / {Row} / {Column}";
}
