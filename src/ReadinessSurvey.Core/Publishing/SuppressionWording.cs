using System.Globalization;
using System.Text.RegularExpressions;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Aggregation.Statistics;
using ReadinessSurvey.Reporting.Mapping;

namespace ReadinessSurvey.Publishing;

/// <summary>A withheld cell in words: which table, answer and group, and why.</summary>
public sealed record WithheldCell(string Subject, string Table, string Answer, string Group, bool IsSmallGroup, string Reason);

/// <summary>What one question (or other table family) withholds, for the per-question summary.</summary>
public sealed record WithheldSummary(string Subject, int SmallGroups, int Protecting, IReadOnlyList<string> Groups);

/// <summary>
/// Turns the suppression log's references ("question:A2:type / chief_executive / E09") into the words an
/// analyst reads on the dashboards: question text, answer labels and group names, from the round's own
/// definition and register.
/// </summary>
public sealed partial class SuppressionWording(ReportSource source)
{
    public WithheldCell Describe(SuppressionLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (subject, table) = TableOf(entry.Table);
        var small = entry.Kind == Suppressor.Primary;
        return new WithheldCell(subject, table, RowOf(entry.Table, entry.Row), GroupOf(entry.Table, entry.Column), small, ReasonOf(entry.Reason));
    }

    /// <summary>Per question (or table family), how many cells are withheld for small groups and to protect them, in survey order.</summary>
    public IReadOnlyList<WithheldSummary> Summarise(IEnumerable<SuppressionLogEntry> log) =>
        [.. log.Select(Describe)
            .GroupBy(c => c.Subject)
            .Select(g => new WithheldSummary(
                g.Key,
                g.Count(c => c.IsSmallGroup),
                g.Count(c => !c.IsSmallGroup),
                [.. g.Where(c => c.IsSmallGroup).Select(c => c.Group).Distinct().Order(StringComparer.Ordinal)]))];

    private (string Subject, string Table) TableOf(string table)
    {
        var parts = table.Split(':');
        var by = parts.Length > 1 ? "by " + ReportSource.GroupKind(parts[^1]).ToLower(CultureInfo.GetCultureInfo("en-GB")) : "";
        return parts[0] switch
        {
            "question" when parts.Length > 2 => (QuestionName(parts[1]), by),
            "number" when parts.Length > 2 => (QuestionName(parts[1]) + " (numbers in bands)", by),
            "dimension" when parts.Length > 2 => ($"Readiness scores: {source.DimensionLabel(parts[1])}", by),
            "maturity" => ("Maturity levels", by),
            "response" => ("Response rates", by),
            _ => (table, ""),
        };
    }

    private string QuestionName(string id) =>
        source.Definition.FindQuestion(id) is { } q ? $"{id}: {q.Text}" : $"Question {id}";

    private string RowOf(string table, string row)
    {
        switch (row)
        {
            case PublishedViewBuilder.BaseRow: return "Councils answering";
            case PublishedViewBuilder.CountRow: return "Councils with a score";
            case PublishedViewBuilder.UnscoredRow: return "Councils without a score";
            case PublishedViewBuilder.SubmittedRow: return "Councils responding";
        }

        var parts = table.Split(':');
        if (parts[0] == "question" && parts.Length > 2 && source.Definition.FindQuestion(parts[1]) is { } question)
        {
            return question.FindOption(row)?.Label
                ?? question.Points.FirstOrDefault(p => p.Point.ToString(CultureInfo.InvariantCulture) == row)?.Label
                ?? (row == "yes" ? "Yes" : row == "no" ? "No" : row);
        }

        if (parts[0] == "maturity" && int.TryParse(row, NumberStyles.None, CultureInfo.InvariantCulture, out var level))
        {
            return $"Level {level}" + (source.LevelLabel(level) is { } label ? $" {label}" : "");
        }

        return row;
    }

    private string GroupOf(string table, string column)
    {
        var breakdown = table.Split(':')[^1];
        var label = column == CountTable.AllColumn ? "All councils" : source.GroupLabel(breakdown, column);

        // Snapshots taken before tiers had labels hold the register's code ("lower") as the label.
        return breakdown == Breakdowns.Tier && label == column ? Councils.CouncilTiers.Label(column) : label;
    }

    /// <summary>The suppressor's reason with any cell it names described in words too.</summary>
    private string ReasonOf(string reason) =>
        CellInReason().Replace(reason, m =>
        {
            var cell = Describe(new SuppressionLogEntry(m.Groups["table"].Value, m.Groups["row"].Value, m.Groups["column"].Value, Suppressor.Primary, ""));
            return $"\u201c{cell.Answer}, {cell.Group}\u201d ({cell.Subject}{(cell.Table.Length > 0 ? ", " + cell.Table : "")})";
        })
        .Replace("protects ", "stops ", StringComparison.Ordinal)
        .Replace(" from subtraction in its ", " being worked out from its ", StringComparison.Ordinal)
        .Replace("the column's base is", "the group's base is", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<table>[a-z]+(:[^ /]+)+) / (?<row>[^/]+?) / (?<column>[^ ,]+)")]
    private static partial Regex CellInReason();
}
