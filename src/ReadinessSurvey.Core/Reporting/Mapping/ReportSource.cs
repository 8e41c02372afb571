using System.Globalization;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting.Excel;
using ReadinessSurvey.Reporting.Models;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// What every report of a round is built from: the round, its survey definition and the current
/// aggregate snapshot (both views). Immutable once loaded, so parallel council reports share one.
/// </summary>
public sealed class ReportSource
{
    private readonly Dictionary<(string Breakdown, string Key), string> _groupLabels;
    private readonly Lazy<SnapshotContent> _published;

    public ReportSource(int roundId, string roundName, SurveyDefinition definition, AggregateSnapshot snapshot, DateTime generatedAt)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(snapshot);
        RoundId = roundId;
        RoundName = roundName;
        Definition = definition;
        Snapshot = snapshot;
        GeneratedAt = generatedAt;
        Content = SnapshotJson.ReadContent(snapshot);
        // Read when first asked for: the internal reports need no published view, and a snapshot has none until protected.
        _published = new Lazy<SnapshotContent>(() => SnapshotJson.ReadPublished(snapshot));
        _groupLabels = Content.Groups.ToDictionary(g => (g.Breakdown, g.Key), g => g.Label);
        CouncilCodes = [.. Content.Councils.Select(c => c.Code).Order(StringComparer.Ordinal)];
    }

    public int RoundId { get; }

    public string RoundName { get; }

    public SurveyDefinition Definition { get; }

    public AggregateSnapshot Snapshot { get; }

    /// <summary>The internal view: every cell and each council's profile.</summary>
    public SnapshotContent Content { get; }

    /// <summary>The published view: withheld numbers are null.</summary>
    /// <exception cref="InvalidOperationException">The snapshot is not protected yet.</exception>
    public SnapshotContent Published => _published.Value;

    public DateTime GeneratedAt { get; }

    /// <summary>The codes of the councils in the snapshot (each with a benchmark workbook), in order.</summary>
    public IReadOnlyList<string> CouncilCodes { get; }

    public string RoundSlug => WorkbookNames.Slug(RoundName);

    /// <summary>The date used in file names: the day the report was generated.</summary>
    public DateOnly FileDate => DateOnly.FromDateTime(GeneratedAt);

    /// <summary>The label of a group, e.g. (region, E12000001) is "North East".</summary>
    public string GroupLabel(string breakdown, string key) =>
        _groupLabels.GetValueOrDefault((breakdown, key)) is { } label && !(breakdown == Breakdowns.Tier && label == key)
            ? label
            : breakdown switch
            {
                Breakdowns.Sector => GroupKinds.All,
                Breakdowns.Tier => Councils.CouncilTiers.Label(key), // snapshots taken before tiers had labels
                _ => key,
            };

    /// <summary>The report's group kind for a snapshot breakdown.</summary>
    public static string GroupKind(string breakdown) => breakdown switch
    {
        Breakdowns.Sector => GroupKinds.All,
        Breakdowns.Type => GroupKinds.CouncilType,
        Breakdowns.Region => GroupKinds.Region,
        Breakdowns.Tier => GroupKinds.Tier,
        Breakdowns.Maturity => GroupKinds.Maturity,
        _ => breakdown,
    };

    public string DimensionLabel(string dimensionId) =>
        dimensionId == DimensionSummaryRow.OverallId ? "Overall" : Definition.Scoring.FindDimension(dimensionId)?.Label ?? dimensionId;

    public string? LevelLabel(int? level) =>
        level is { } l ? Definition.Scoring.MaturityLevels.FirstOrDefault(m => m.Level == l)?.Label : null;

    /// <summary>The maturity level a 0-100 score falls in (the same bands as the overall score).</summary>
    public int LevelOf(decimal score) =>
        Definition.Scoring.MaturityLevels.Where(m => score >= m.MinScore).Select(m => m.Level).DefaultIfEmpty(1).Max();

    public ReportAbout About(string title) => new()
    {
        Title = title,
        RoundName = RoundName,
        RoundSlug = RoundSlug,
        SurveyId = Definition.Id,
        SurveyVersion = Definition.Version,
        DataDate = DateOnly.FromDateTime(Snapshot.ComputedAt),
        GeneratedAt = GeneratedAt,
        Method = "An online survey of principal councils in England and Wales, one return per council, signed off by the council. " +
                 $"Figures come from the {Snapshot.ReturnCount} returns submitted when the data was taken.",
        ScoringModel = Definition.Scoring.Description ??
                       "Each scored answer earns 0 to 4 points; dimension scores run from 0 to 100 and the overall score is their weighted mean.",
        SuppressionThreshold = Content.Threshold,
        Dimensions = Definition.Scoring.Dimensions.Select(d => new DimensionInfo(d.Id, d.Label, d.Weight)).ToList(),
        MaturityLevels = Definition.Scoring.MaturityLevels.Select(m => new MaturityLevelInfo(m.Level, m.Label, m.MinScore)).ToList(),
    };

    /// <summary>
    /// The answer codes a question's table or export column counts, with labels, in display order:
    /// the options (Likert points as "1".."5", yes/no as "yes"/"no"), then "Don't know" when offered.
    /// </summary>
    public static IReadOnlyList<AnswerCode> CodesOf(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var codes = question.Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleChoice =>
                question.Options.Select(o => new AnswerCode(o.Value, o.Label, question.Type == QuestionType.SingleChoice ? Points(question, AnswerValue.Choice(o.Value)) : null, o.DontKnow)).ToList(),
            QuestionType.Likert => question.Points.Select(p => new AnswerCode(
                p.Point.ToString(CultureInfo.InvariantCulture), $"{p.Point} - {p.Label}", Points(question, AnswerValue.Of(p.Point)), false)).ToList(),
            QuestionType.YesNo => [new AnswerCode("yes", "Yes", Points(question, AnswerValue.Of(true)), false), new AnswerCode("no", "No", Points(question, AnswerValue.Of(false)), false)],
            _ => [],
        };
        if (question.DontKnow is { } dontKnow && question.Type is QuestionType.Likert or QuestionType.YesNo)
        {
            codes.Add(new AnswerCode(AnswerStorage.DontKnowCode, dontKnow, null, true));
        }

        return codes;
    }

    private static decimal? Points(Question question, AnswerValue value) =>
        question.IsScored ? QuestionPoints.Scored(question, value) : null;
}

/// <summary>A stored answer code with its label and points; DontKnow marks answers outside a scale.</summary>
public sealed record AnswerCode(string Code, string Label, decimal? Points, bool DontKnow);
