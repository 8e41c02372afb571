namespace ReadinessSurvey.Reporting;

/// <summary>Generates the report a <see cref="ReportRun"/> asks for and returns where it was written.</summary>
public interface IReportGenerator
{
    Task<string> GenerateAsync(ReportRun run, IProgress<int> progress, CancellationToken cancellationToken);
}
