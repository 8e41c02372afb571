namespace ReadinessSurvey.Reporting.Models;

/// <summary>One council's scores and answers against its peers, for its benchmark workbook.</summary>
public sealed record CouncilBenchmarkModel
{
    public required ReportAbout About { get; init; }

    public required string CouncilCode { get; init; }

    public required string CouncilName { get; init; }

    public required string CouncilType { get; init; }

    public required string Region { get; init; }

    public decimal? Overall { get; init; }

    public int? Level { get; init; }

    public string? LevelLabel { get; init; }

    /// <summary>One row per dimension, plus one with <see cref="DimensionSummaryRow.OverallId"/>.</summary>
    public IReadOnlyList<BenchmarkScoreRow> Scores { get; init; } = [];

    public IReadOnlyList<BenchmarkAnswerRow> Answers { get; init; } = [];

    /// <summary>Advice for the council's weakest dimensions, weakest first.</summary>
    public IReadOnlyList<BenchmarkGuidance> Guidance { get; init; } = [];
}

/// <summary>The council's score in one dimension and the peer groups' statistics.</summary>
public sealed record BenchmarkScoreRow(string DimensionId, string Dimension, decimal? CouncilScore, IReadOnlyList<PeerStatistics> Peers);

/// <summary>A peer group's statistics for one dimension ("Same type", "Same region", "All councils").</summary>
public sealed record PeerStatistics(
    string PeerGroup, int N, decimal? Median, decimal? LowerQuartile, decimal? UpperQuartile, bool Suppressed = false);

/// <summary>The council's answer to a question and the share of each peer group giving each option.</summary>
public sealed record BenchmarkAnswerRow
{
    public required string QuestionId { get; init; }

    public required string QuestionText { get; init; }

    public required string SectionTitle { get; init; }

    /// <summary>The council's answer as shown to it (several answers joined with "; ").</summary>
    public required string CouncilAnswer { get; init; }

    /// <summary>The peer groups compared (columns), with how many of their councils answered.</summary>
    public required IReadOnlyList<QuestionGroupColumn> PeerGroups { get; init; }

    public required IReadOnlyList<BenchmarkOptionShare> Options { get; init; }
}

/// <summary>One option: whether the council chose it, and peers' counts (one cell per peer group).</summary>
public sealed record BenchmarkOptionShare(string Option, bool ChosenByCouncil, IReadOnlyList<QuestionCell> PeerCells);

/// <summary>Advice for one dimension at the council's level in it.</summary>
public sealed record BenchmarkGuidance(string DimensionId, string Dimension, decimal? Score, int Level, string Advice);
