namespace ReadinessSurvey.Reporting.Models;

/// <summary>
/// Everything the sector workbook shows, already aggregated. The same model feeds the internal and
/// the published workbook; cells marked <c>Suppressed</c> are shown as [c] in the published one.
/// </summary>
public sealed record SectorReportModel
{
    public required ReportAbout About { get; init; }

    public IReadOnlyList<ResponseRateRow> ResponseRates { get; init; } = [];

    /// <summary>Dimension (and overall) score statistics by group.</summary>
    public IReadOnlyList<DimensionSummaryRow> DimensionSummaries { get; init; } = [];

    public IReadOnlyList<MaturityDistributionRow> MaturityDistribution { get; init; } = [];

    /// <summary>One table per question, in survey order.</summary>
    public IReadOnlyList<QuestionTable> QuestionTables { get; init; } = [];

    /// <summary>Statistics of the answers to each number question by group, in survey order.</summary>
    public IReadOnlyList<NumberSummaryRow> NumberSummaries { get; init; } = [];

    /// <summary>Council-level scores. Internal only: never written to the published workbook.</summary>
    public IReadOnlyList<CouncilScoreRow> CouncilScores { get; init; } = [];

    /// <summary>Free-text answers. Internal only: never written to the published workbook.</summary>
    public IReadOnlyList<FreeTextRow> FreeText { get; init; } = [];
}

/// <summary>Well-known group kinds and names.</summary>
public static class GroupKinds
{
    public const string All = "All councils";
    public const string CouncilType = "Council type";
    public const string Region = "Region";
    public const string Tier = "Tier";
    public const string Maturity = "Maturity level";
}

/// <summary>
/// Response rate of one group of councils. Eligible is the councils in the register (the aggregation's
/// denominator). When <see cref="Suppressed"/> is true the published workbook shows [c] for the count and rate.
/// </summary>
public sealed record ResponseRateRow(string GroupKind, string Group, int Eligible, int Responded, bool Suppressed = false)
{
    /// <summary>Share of eligible councils that responded (0-1), or null when none were eligible or it is withheld.</summary>
    public decimal? Rate => Eligible == 0 || Suppressed ? null : (decimal)Responded / Eligible;
}

/// <summary>
/// Score statistics (0-100) of one dimension in one group. <see cref="DimensionId"/> is
/// <see cref="OverallId"/> for the overall score.
/// </summary>
public sealed record DimensionSummaryRow
{
    public const string OverallId = "overall";

    public required string DimensionId { get; init; }

    public required string Dimension { get; init; }

    public required string GroupKind { get; init; }

    public required string Group { get; init; }

    /// <summary>Councils with a score for this dimension.</summary>
    public int N { get; init; }

    public decimal? Mean { get; init; }

    public decimal? Median { get; init; }

    public decimal? LowerQuartile { get; init; }

    public decimal? UpperQuartile { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>True when the published view withholds these figures.</summary>
    public bool Suppressed { get; init; }
}

/// <summary>
/// How many councils in a group reached a maturity level. <see cref="BaseSuppressed"/> marks a group
/// whose size is itself withheld in the published view.
/// </summary>
public sealed record MaturityDistributionRow(
    string GroupKind, string Group, int Level, string LevelLabel, int Count, int Base, bool Suppressed = false, bool BaseSuppressed = false)
{
    public decimal? Percent => Base == 0 ? null : (decimal)Count / Base;
}

/// <summary>One council's scores (internal only).</summary>
public sealed record CouncilScoreRow
{
    public required string CouncilCode { get; init; }

    public required string CouncilName { get; init; }

    public required string CouncilType { get; init; }

    public required string Region { get; init; }

    public decimal? Overall { get; init; }

    public int? Level { get; init; }

    public string? LevelLabel { get; init; }

    /// <summary>Score by dimension id; null means insufficient data.</summary>
    public IReadOnlyDictionary<string, decimal?> DimensionScores { get; init; } = new Dictionary<string, decimal?>();
}

/// <summary>One free-text answer (internal only).</summary>
public sealed record FreeTextRow(string CouncilCode, string CouncilName, string QuestionId, string QuestionText, string Answer);

/// <summary>
/// The answers to a number question in one group: n, mean, median and quartiles (Excel's QUARTILE.INC,
/// see <c>Descriptive</c>), minimum and maximum (internal only). When <see cref="Suppressed"/> is true
/// the published view withholds n and every figure with it.
/// </summary>
public sealed record NumberSummaryRow
{
    /// <summary>What the sheet says about these figures, beside them.</summary>
    public const string Method =
        "n is the councils that answered the question. Quartiles are interpolated between the closest ranks, " +
        "as Excel's QUARTILE.INC (and R's and NumPy's default).";

    public required string QuestionId { get; init; }

    public required string QuestionText { get; init; }

    public string? Unit { get; init; }

    public required string GroupKind { get; init; }

    public required string Group { get; init; }

    public int N { get; init; }

    public decimal? Mean { get; init; }

    public decimal? Median { get; init; }

    public decimal? LowerQuartile { get; init; }

    public decimal? UpperQuartile { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public bool Suppressed { get; init; }
}
