namespace ReadinessSurvey.Aggregation.Disclosure;

/// <summary>
/// Councils of one type in one region: the smallest group the register makes public. Every published
/// group (a type, a region, a tier, all councils) is a union of these, which is what lets an attacker
/// link one breakdown to another.
/// </summary>
/// <param name="Type">The council type's group key.</param>
/// <param name="Councils">How many councils of this type and region the register holds (an upper bound on every count).</param>
public sealed record RegisterAtom(string Type, string Region, string Tier, int Councils)
{
    public string Key => $"{Type}|{Region}|{Tier}";

    /// <summary>The atom's group in a breakdown, or null for a breakdown the register cannot place it in (maturity).</summary>
    public string? GroupIn(string breakdown) => breakdown switch
    {
        Breakdowns.Sector => Breakdowns.AllGroup,
        Breakdowns.Type => Type,
        Breakdowns.Region => Region,
        Breakdowns.Tier => Tier,
        _ => null,
    };
}

/// <summary>How the rows of a family of published tables relate to its total row.</summary>
public enum RowRule
{
    /// <summary>Rows are independent of each other (each still at most the councils in the group).</summary>
    None,

    /// <summary>The rows add up to the total row (a single-choice question and its base; maturity levels and their n).</summary>
    AddUp,

    /// <summary>Each row is at most the total row (a multiple-choice question: a council ticks several).</summary>
    AtMostTotal,
}

/// <summary>
/// One family of published counts: the same rows counted in every group of every breakdown, e.g. a
/// question's answers and base by type, by region and for all councils.
/// </summary>
public sealed record AuditFamily(string Name, IReadOnlyList<string> Rows, string? TotalRow, RowRule Rule);

/// <summary>A published count (or a withheld one: Value null) in one group of one breakdown.</summary>
public sealed record AuditCell(string Family, string Row, string Breakdown, string Group, int? Value)
{
    public override string ToString() => $"{Family} / {Row} / {Breakdown} {Group}";
}

/// <summary>
/// A relation the questionnaire makes public: within every register atom of <paramref name="Type"/>, the
/// councils counted in a row of one family are exactly (or at most) the councils counted in some rows of
/// another. A follow-up question's base is the councils who gave an answer that leads to it; a question
/// everyone must answer has a base equal to the councils that submitted. Empty lead rows with Exact mean
/// the row is always 0 for that type (an option not shown to it).
/// </summary>
public sealed record RoutingLink(string Family, string Row, string LeadFamily, IReadOnlyList<string> LeadRows, bool Exact, string? Type = null);

/// <summary>What an attacker can prove about one withheld count: every value from Low to High is possible.</summary>
public sealed record CellRange(AuditCell Cell, int Low, int High)
{
    public int Width => High - Low;

    /// <summary>The most the count could be before anything is published: its group's councils in the register (0 for an option its councils never see).</summary>
    public int Cap { get; init; } = int.MaxValue;
}

/// <summary>The published counts whose withholding protects a narrow cell, or null when none can.</summary>
public sealed record Protection(AuditCell Cell, IReadOnlyList<AuditCell>? Complements);
