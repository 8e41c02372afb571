namespace ReadinessSurvey.Tests.Reporting;

/// <summary>A temporary folder per test class; kept when REPORTING_KEEP_OUTPUT is set, for looking at the files.</summary>
public sealed class OutputFolder : IDisposable
{
    public OutputFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reporting-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("REPORTING_KEEP_OUTPUT") is null)
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
