using System.Text.Json;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Aggregation.Disclosure;

namespace ReadinessSurvey.Tests.Aggregation.Disclosure;

/// <summary>
/// An analyst outside the LGA: holds only the published view's JSON (the API's answers, from which the
/// published workbook, charts and public files are made), the public council register and the published
/// questionnaire. It writes down every count as an equation over the register's type-and-region groups,
/// with its own reading of the JSON, and asks the LP solver for the range of each withheld count.
/// </summary>
internal static class PublishedAttacker
{
    private static readonly string[] MinMax = ["min", "max"];
    private static readonly string[] GroupStats = ["mean", "median", "lowerQuartile", "upperQuartile"];
    private static readonly HashSet<string> RegisterBreakdowns = [Breakdowns.Sector, Breakdowns.Type, Breakdowns.Region, Breakdowns.Tier];

    public static IReadOnlyList<CellRange> Attack(string publishedJson, IReadOnlyList<RegisterAtom> register, IReadOnlyList<RoutingLink> routing, int threshold)
    {
        var (families, cells) = Read(publishedJson);
        return LinkedAudit.Ranges(families, cells, register, routing, screenAt: threshold);
    }

    /// <summary>Every count the JSON publishes (withheld ones as null), in families of rows.</summary>
    public static (List<AuditFamily> Families, List<AuditCell> Cells) Read(string publishedJson)
    {
        using var json = JsonDocument.Parse(publishedJson);
        var root = json.RootElement;
        var families = new List<AuditFamily> { new(LinkedAudit.ResponseFamily, [LinkedAudit.SubmittedRow], null, RowRule.None) };
        var cells = new List<AuditCell>();
        foreach (var rate in Groups(root.GetProperty("responses").GetProperty("rates")))
        {
            cells.Add(new AuditCell(LinkedAudit.ResponseFamily, LinkedAudit.SubmittedRow, Text(rate, "breakdown"), Text(rate, "group"), Count(rate, "submitted")));
        }

        foreach (var question in root.GetProperty("questions").EnumerateArray())
        {
            var id = Text(question, "questionId");
            var kind = Text(question, "kind");
            var groups = Groups(question.GetProperty("groups")).ToList();
            if (kind == "number")
            {
                families.Add(new AuditFamily($"number:{id}", ["(n)"], null, RowRule.None));
                cells.AddRange(groups.Select(g => new AuditCell($"number:{id}", "(n)", Text(g, "breakdown"), Text(g, "group"), Count(g, "base"))));
                continue;
            }

            var family = $"question:{id}";
            // Options shown only to some councils publish a base of their own: the councils shown them.
            var ownBase = question.TryGetProperty("shownToSome", out var some) && some.ValueKind == JsonValueKind.Array
                ? some.EnumerateArray().Select(o => o.GetString()!).ToHashSet(StringComparer.Ordinal)
                : [];
            var rows = groups.SelectMany(g => g.GetProperty("options").EnumerateArray().Select(o => Text(o, "value"))).Distinct(StringComparer.Ordinal)
                .Concat(ownBase.Order(StringComparer.Ordinal).Select(o => $"(base) {o}")).ToList();
            families.Add(new AuditFamily(family, rows, "(base)", kind == "multi" ? RowRule.AtMostTotal : RowRule.AddUp));
            foreach (var group in groups)
            {
                var (breakdown, key) = (Text(group, "breakdown"), Text(group, "group"));
                cells.Add(new AuditCell(family, "(base)", breakdown, key, Count(group, "base")));
                cells.AddRange(group.GetProperty("options").EnumerateArray().Select(o => new AuditCell(family, Text(o, "value"), breakdown, key, Count(o, "count"))));
                cells.AddRange(group.GetProperty("options").EnumerateArray().Where(o => ownBase.Contains(Text(o, "value")))
                    .Select(o => new AuditCell(family, $"(base) {Text(o, "value")}", breakdown, key, Count(o, "base"))));
            }
        }

        foreach (var dimension in root.GetProperty("dimensions").EnumerateArray())
        {
            var family = $"dimension:{Text(dimension, "dimensionId")}";
            families.Add(new AuditFamily(family, ["(n)", "(unscored)"], null, RowRule.None));
            foreach (var group in Groups(dimension.GetProperty("groups")))
            {
                cells.Add(new AuditCell(family, "(n)", Text(group, "breakdown"), Text(group, "group"), Count(group.GetProperty("scores"), "n")));
                cells.Add(new AuditCell(family, "(unscored)", Text(group, "breakdown"), Text(group, "group"), Count(group, "unscored")));
            }
        }

        var maturity = Groups(root.GetProperty("maturity")).ToList();
        var levels = maturity.SelectMany(m => m.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("level").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Distinct(StringComparer.Ordinal).ToList();
        families.Add(new AuditFamily("maturity", levels, "(n)", RowRule.AddUp));
        foreach (var group in maturity)
        {
            var (breakdown, key) = (Text(group, "breakdown"), Text(group, "group"));
            cells.Add(new AuditCell("maturity", "(n)", breakdown, key, Count(group, "n")));
            cells.AddRange(group.GetProperty("levels").EnumerateArray().Select(l => new AuditCell(
                "maturity", l.GetProperty("level").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), breakdown, key, Count(l, "count"))));
        }

        return (families, cells);
    }

    /// <summary>Figures beside a withheld count that would give it away: a percentage, a mean, quartiles, or any minimum or maximum.</summary>
    public static IEnumerable<string> Giveaways(string publishedJson)
    {
        using var json = JsonDocument.Parse(publishedJson);
        var root = json.RootElement;
        foreach (var rate in root.GetProperty("responses").GetProperty("rates").EnumerateArray())
        {
            if (Count(rate, "submitted") is null && rate.GetProperty("percent").ValueKind != JsonValueKind.Null)
            {
                yield return $"response rate {Text(rate, "breakdown")} {Text(rate, "group")}: a percentage beside a withheld count";
            }
        }

        foreach (var question in root.GetProperty("questions").EnumerateArray())
        {
            foreach (var group in question.GetProperty("groups").EnumerateArray())
            {
                var where = $"{Text(question, "questionId")} {Text(group, "breakdown")} {Text(group, "group")}";
                if (!RegisterBreakdowns.Contains(Text(group, "breakdown")))
                {
                    yield return $"{where}: a breakdown the register cannot bound, crossed with a question";
                }

                foreach (var option in group.GetProperty("options").EnumerateArray())
                {
                    // A percentage is its count over the option's own base (the question's base, or the councils
                    // shown the option): beside both it tells nothing more; beside either withheld it gives it away.
                    if ((Count(option, "count") is null || Count(option, "base") is null)
                        && option.GetProperty("percent").ValueKind != JsonValueKind.Null)
                    {
                        yield return $"{where} {Text(option, "value")}: a percentage beside a withheld count or base";
                    }
                }

                if (group.TryGetProperty("numbers", out var numbers) && numbers.ValueKind == JsonValueKind.Object)
                {
                    foreach (var problem in StatsGiveaways(numbers, Count(group, "base") is null, where))
                    {
                        yield return problem;
                    }
                }
            }
        }

        foreach (var dimension in root.GetProperty("dimensions").EnumerateArray())
        {
            foreach (var group in dimension.GetProperty("groups").EnumerateArray())
            {
                var scores = group.GetProperty("scores");
                foreach (var problem in StatsGiveaways(scores, Count(scores, "n") is null, $"{Text(dimension, "dimensionId")} {Text(group, "breakdown")} {Text(group, "group")}"))
                {
                    yield return problem;
                }
            }
        }
    }

    private static IEnumerable<string> StatsGiveaways(JsonElement stats, bool nWithheld, string where)
    {
        foreach (var name in MinMax.Where(n => stats.GetProperty(n).ValueKind != JsonValueKind.Null))
        {
            yield return $"{where}: {name} is one council's value";
        }

        if (nWithheld && GroupStats.Any(n => stats.GetProperty(n).ValueKind != JsonValueKind.Null))
        {
            yield return $"{where}: statistics beside a withheld n";
        }
    }

    private static IEnumerable<JsonElement> Groups(JsonElement list) =>
        list.EnumerateArray().Where(g => RegisterBreakdowns.Contains(Text(g, "breakdown")));

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static int? Count(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
