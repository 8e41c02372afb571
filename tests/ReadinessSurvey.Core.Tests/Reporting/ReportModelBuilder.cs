using ReadinessSurvey.Reporting.Models;

namespace ReadinessSurvey.Tests.Reporting;

/// <summary>Builds report models with known numbers, small suppressed cells and hostile text.</summary>
internal static class ReportModelBuilder
{
    /// <summary>Text a spreadsheet could take for a formula; it must always stay text.</summary>
    public static readonly string[] HostileTexts =
        ["=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"];

    /// <summary>A figure only the suppressed cells hold: it must never appear in published outputs.</summary>
    public const decimal SuppressedMedian = 13.37m;

    public const int SuppressedCount = 2;

    public static ReportAbout About() => new()
    {
        Title = "AI readiness of councils: spring 2025",
        RoundName = "Spring 2025",
        RoundSlug = "Spring 2025",
        SurveyId = "ai-readiness-2024-25",
        SurveyVersion = 3,
        DataDate = new DateOnly(2025, 3, 1),
        GeneratedAt = new DateTime(2025, 3, 2, 9, 30, 0, DateTimeKind.Utc),
        Method = "An online survey of principal councils, one return per council.",
        ScoringModel = "Answers score 0 to 4 points; dimension scores run from 0 to 100.",
        Dimensions = [new("adoption", "Adoption", 15), new("governance", "Governance", 20)],
        MaturityLevels =
        [
            new(1, "Nascent", 0), new(2, "Exploring", 20), new(3, "Developing", 40), new(4, "Embedded", 60), new(5, "Leading", 80),
        ],
    };

    public static SectorReportModel Sector()
    {
        var summaries = new List<DimensionSummaryRow>();
        var groups = new (string Kind, string Group, int N, decimal Median, bool Suppressed)[]
        {
            (GroupKinds.All, "All councils", 142, 55.5m, false),
            (GroupKinds.CouncilType, "Unitary authority", 42, 61.25m, false),
            (GroupKinds.CouncilType, "Non-metropolitan district", 100, 48.75m, false),
            (GroupKinds.Region, "London", 20, 64.5m, false),
            (GroupKinds.Region, "North East", 3, SuppressedMedian, true),
        };
        foreach (var (id, label, offset) in new[] { (DimensionSummaryRow.OverallId, "Overall", 0m), ("adoption", "Adoption", 5m), ("governance", "Governance", -5m) })
        {
            foreach (var g in groups)
            {
                var median = g.Suppressed ? g.Median : g.Median + offset;
                summaries.Add(new DimensionSummaryRow
                {
                    DimensionId = id, Dimension = label, GroupKind = g.Kind, Group = g.Group, N = g.N,
                    Mean = median + 1, Median = median, LowerQuartile = median - 10, UpperQuartile = median + 10,
                    Min = median - 30, Max = median + 30, Suppressed = g.Suppressed,
                });
            }
        }

        return new SectorReportModel
        {
            About = About(),
            ResponseRates =
            [
                new(GroupKinds.CouncilType, "Unitary authority", 60, 42),
                new(GroupKinds.CouncilType, "Non-metropolitan district", 164, 100),
                new(GroupKinds.Region, "London", 33, 20),
                new(GroupKinds.Region, "North East", 12, 3),
            ],
            DimensionSummaries = summaries,
            MaturityDistribution =
            [
                new(GroupKinds.All, "All councils", 1, "Nascent", 10, 142),
                new(GroupKinds.All, "All councils", 2, "Exploring", 40, 142),
                new(GroupKinds.All, "All councils", 3, "Developing", 60, 142),
                new(GroupKinds.All, "All councils", 4, "Embedded", 30, 142),
                new(GroupKinds.All, "All councils", 5, "Leading", SuppressedCount, 142, Suppressed: true),
                // A count of 0 published while its base is withheld, and a group no council answered for.
                new(GroupKinds.Tier, "Upper tier (county councils)", 1, "Nascent", 0, 0, BaseSuppressed: true),
                new(GroupKinds.Region, "Yorkshire and The Humber", 1, "Nascent", 0, 0),
            ],
            QuestionTables = [LikertTable(), ChoiceTable()],
            CouncilScores =
            [
                new CouncilScoreRow
                {
                    CouncilCode = "E06000001", CouncilName = "Hartlepool", CouncilType = "Unitary authority", Region = "North East",
                    Overall = 47.5m, Level = 3, LevelLabel = "Developing",
                    DimensionScores = new Dictionary<string, decimal?> { ["adoption"] = 62.5m, ["governance"] = null },
                },
                new CouncilScoreRow
                {
                    CouncilCode = "E06000002", CouncilName = "Middlesbrough", CouncilType = "Unitary authority", Region = "North East",
                    Overall = 71.25m, Level = 4, LevelLabel = "Embedded",
                    DimensionScores = new Dictionary<string, decimal?> { ["adoption"] = 80m, ["governance"] = 65m },
                },
            ],
            FreeText = HostileTexts.Select((t, i) => new FreeTextRow("E06000001", "Hartlepool", "I4", "Other comments", t)).ToList(),
        };
    }

    /// <summary>Columns: all councils, two types, London and North East (small: suppressed).</summary>
    public static IReadOnlyList<QuestionGroupColumn> Columns() =>
    [
        new(GroupKinds.All, "All councils", 142),
        new(GroupKinds.CouncilType, "Unitary authority", 42),
        new(GroupKinds.CouncilType, "Non-metropolitan district", 100),
        new(GroupKinds.Region, "London", 20),
        new(GroupKinds.Region, "North East", 3),
    ];

    public static QuestionTable LikertTable()
    {
        string[] options = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];
        int[][] counts =
        [
            [10, 3, 7, 2, 1],
            [20, 6, 14, 3, 1],
            [30, 9, 21, 5, 0],
            [50, 14, 36, 6, 1],
            [32, 10, 22, 4, 0],
        ];
        var rows = options.Select((o, i) => new QuestionOptionRow(o, Cells(counts[i]))).ToList();
        rows.Add(new QuestionOptionRow("Don't know", Cells([0, 0, 0, 0, 0]), OutsideScale: true));
        return new QuestionTable
        {
            QuestionId = "D3", QuestionText = "Councillors are engaged with AI", SectionId = "D", SectionTitle = "Strategy and leadership",
            Kind = QuestionTableKind.Likert, Columns = Columns(), Rows = rows,
        };
    }

    public static QuestionTable ChoiceTable() => new()
    {
        QuestionId = "E1", QuestionText = "Do you have an acceptable-use policy for AI?", SectionId = "E", SectionTitle = "Governance, ethics and risk",
        Kind = QuestionTableKind.SingleChoice, Columns = Columns(),
        Rows =
        [
            new QuestionOptionRow("None", Cells([40, 10, 30, 5, 1])),
            new QuestionOptionRow("Approved", Cells([102, 32, 70, 15, 2])),
            // Option labels come from survey authors; a hostile one must stay text too.
            new QuestionOptionRow(HostileTexts[0], Cells([0, 0, 0, 0, 0])),
        ],
    };

    /// <summary>A count with its base and the share the snapshot would give it.</summary>
    private static QuestionCell Share(int count, int total, bool suppressed = false) =>
        new(count, total, suppressed) { Percent = (decimal)count / total };

    /// <summary>Cells in <see cref="Columns"/> order; the North East column (index 4) is suppressed.</summary>
    private static List<QuestionCell> Cells(int[] counts)
    {
        var bases = Columns().Select(c => c.Base).ToArray();
        return counts.Select((c, i) => new QuestionCell(c, bases[i], Suppressed: i == 4) { Percent = bases[i] == 0 ? null : (decimal)c / bases[i] }).ToList();
    }

    public static CouncilBenchmarkModel Benchmark()
    {
        PeerStatistics[] Peers(decimal median, bool suppressRegion) =>
        [
            new("Same type", 42, median, median - 10, median + 10),
            new("Same region", 3, suppressRegion ? SuppressedMedian : median, null, null, Suppressed: suppressRegion),
            new("All councils", 142, median - 2, median - 12, median + 8),
        ];
        QuestionGroupColumn[] peerGroups = [new("Peer", "Same type", 42), new("Peer", "Same region", 3), new("Peer", "All councils", 142)];
        return new CouncilBenchmarkModel
        {
            About = About(),
            CouncilCode = "E06000001",
            CouncilName = "Hartlepool",
            CouncilType = "Unitary authority",
            Region = "North East",
            Overall = 47.5m,
            Level = 3,
            LevelLabel = "Developing",
            Scores =
            [
                new(DimensionSummaryRow.OverallId, "Overall", 47.5m, Peers(55.5m, true)),
                new("adoption", "Adoption", 62.5m, Peers(60m, true)),
                new("governance", "Governance", 32.5m, Peers(50m, true)),
            ],
            Answers =
            [
                new BenchmarkAnswerRow
                {
                    QuestionId = "E1", QuestionText = "Do you have an acceptable-use policy for AI?", SectionTitle = "Governance, ethics and risk",
                    CouncilAnswer = "Approved", PeerGroups = peerGroups,
                    Options =
                    [
                        new("None", false, [Share(10, 42), Share(SuppressedCount, 3, suppressed: true), Share(40, 142)]),
                        new("Approved", true, [Share(32, 42), Share(1, 3, suppressed: true), Share(102, 142)]),
                    ],
                },
            ],
            Guidance = [new("governance", "Governance", 32.5m, 2, "Agree an acceptable-use policy and keep a register of AI tools.")],
        };
    }

    public static ExportModel Export(IEnumerable<ExportRow> rows) => new()
    {
        About = About(),
        Questions =
        [
            new("B1", "AI status", "Adoption", ExportQuestionKind.Choice,
                [new("none", "No use and no plans", 0), new("exploring", "Exploring", 1), new("live", "Live in some services", 3)], Dimension: "adoption"),
            new("B2", "AI types in use", "Adoption", ExportQuestionKind.MultipleChoice,
                [new("perceptive", "Perceptive", null), new("generative", "Generative", null)], HasOther: true),
            new("A3", "Staff headcount", "Profile", ExportQuestionKind.Number, []),
            new("I4", "Other comments", "Barriers and support", ExportQuestionKind.Text, []),
        ],
        Rows = ToAsync(rows),
    };

    public static IEnumerable<ExportRow> ExportRows() =>
    [
        new ExportRow
        {
            CouncilCode = "E06000001", CouncilName = "Hartlepool", CouncilType = "Unitary authority", Region = "North East",
            Status = "Submitted", SubmittedAt = new DateTime(2025, 2, 1, 10, 0, 0, DateTimeKind.Utc), Overall = 47.5m, Level = 3,
            Answers = new Dictionary<string, ExportAnswer>
            {
                ["B1"] = ExportAnswer.Choice("live"),
                ["B2"] = new(["generative"], Other: HostileTexts[0]),
                ["A3"] = ExportAnswer.Of(1234.5m),
                ["I4"] = ExportAnswer.Of("Comma, \"quotes\"\nand a new line"),
            },
        },
        .. HostileTexts.Select((t, i) => new ExportRow
        {
            CouncilCode = $"E0700000{i}", CouncilName = "Council " + i, CouncilType = "Non-metropolitan district", Region = "South East",
            Status = "Submitted",
            Answers = new Dictionary<string, ExportAnswer> { ["I4"] = ExportAnswer.Of(t), ["A3"] = ExportAnswer.Of(-2m) },
        }),
    ];

    public static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
