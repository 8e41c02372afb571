using ReadinessSurvey.Reporting;

namespace ReadinessSurvey.Jobs;

/// <summary>The stand-in used until a generator is registered: every run fails with a plain message.</summary>
public sealed class UnavailableReportGenerator : IReportGenerator
{
    public Task<string> GenerateAsync(ReportRun run, IProgress<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        throw new NotSupportedException($"report kind {run.Kind} is not available yet");
    }
}
