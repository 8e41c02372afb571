using ReadinessSurvey.Reporting;

namespace ReadinessSurvey.Jobs;

/// <summary>Produces the file a <see cref="ReportRun"/> asks for.</summary>
public interface IReportGenerator
{
    /// <summary>Writes the report and returns the path of the file written; reports progress 0-100.</summary>
    Task<string> GenerateAsync(ReportRun run, IProgress<int> progress, CancellationToken cancellationToken);
}

/// <summary>The stand-in used until a generator is registered: every run fails with a plain message.</summary>
public sealed class UnavailableReportGenerator : IReportGenerator
{
    public Task<string> GenerateAsync(ReportRun run, IProgress<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        throw new NotSupportedException($"report kind {run.Kind} is not available yet");
    }
}
