namespace ReadinessSurvey.Reporting;

/// <summary>The kinds of report <see cref="ReportService"/> generates.</summary>
public static class ReportKinds
{
    /// <summary>The internal sector workbook: every figure, council scores and free text.</summary>
    public const string Sector = "sector";

    /// <summary>The published sector workbook: small numbers suppressed, no council named.</summary>
    public const string Published = "published";

    /// <summary>One council's benchmark workbook.</summary>
    public const string Council = "council";

    /// <summary>A benchmark workbook for every council in the snapshot.</summary>
    public const string Councils = "councils";

    /// <summary>Raw responses: xlsx, csv and a codebook csv.</summary>
    public const string Export = "export";

    public static IReadOnlyList<string> All { get; } = [Sector, Published, Council, Councils, Export];
}

/// <summary>A report that cannot be made, with a message to show the user as it is.</summary>
public sealed class ReportException(string message) : Exception(message);

/// <summary>What a report run wrote: the main path (a file, or the folder of several) and every file.</summary>
public sealed record ReportOutput(string Path, IReadOnlyList<string> Files);
