using System.Diagnostics;
using System.Text;

namespace ReadinessSurvey.Tests.Reporting;

/// <summary>
/// Opens workbooks with LibreOffice, an independent reader, by converting every sheet to CSV.
/// Tests fail (not skip) when soffice is missing: CI installs libreoffice-calc-nogui. Tests that use it
/// carry the trait Category=LibreOffice, so the fast loop can leave them out.
/// </summary>
/// <remarks>
/// One user profile serves the whole test run: LibreOffice builds a profile on its first start (most of
/// a cold start), so only the first conversion pays for it. Conversions take turns, since two soffice
/// processes cannot share a profile.
/// </remarks>
internal static class LibreOffice
{
    public const string Trait = "LibreOffice";

    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(3);
    private static readonly SemaphoreSlim s_one = new(1, 1);
    private static readonly string s_profile = Path.Combine(Path.GetTempPath(), "lo-profile-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Sheet name to rows, as LibreOffice reads the file (raw values, not formatted).</summary>
    /// <param name="xlsxPath">The workbook.</param>
    /// <param name="quoteText">Write every text cell in quotes (and keep them), so a number stored as text shows as "4" and a number as 4.</param>
    public static Dictionary<string, List<string[]>> SheetsAsCsv(string xlsxPath, bool quoteText = false) =>
        SheetsAsCsv([xlsxPath], quoteText)[0];

    /// <summary>
    /// Each workbook's sheets, read by one soffice process: most of a conversion is LibreOffice starting, so a
    /// test that reads several workbooks reads them together.
    /// </summary>
    public static IReadOnlyList<Dictionary<string, List<string[]>>> SheetsAsCsv(IReadOnlyList<string> paths, bool quoteText = false)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var soffice = Find() ?? throw new InvalidOperationException(
            "LibreOffice (soffice) is not installed, so the workbook cannot be checked with an independent reader. " +
            "Install it with: apt-get install -y --no-install-recommends libreoffice-calc-nogui");
        var work = Path.Combine(Path.GetTempPath(), "lo-out-" + Guid.NewGuid().ToString("N"));
        var inputs = Path.Combine(work, "in");
        Directory.CreateDirectory(inputs);
        // Copies named w0, w1...: LibreOffice names each sheet's file "<stem>-<sheet>.csv", and two workbooks'
        // own names could be prefixes of each other.
        var copies = paths.Select((path, i) =>
        {
            var copy = Path.Combine(inputs, $"w{i}{Path.GetExtension(path)}");
            File.Copy(path, copy);
            return copy;
        }).ToList();
        var described = string.Join(", ", paths);
        s_one.Wait();
        try
        {
            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "-env:UserInstallation=file://" + s_profile, "--headless", "--norestore",
                "--convert-to", $"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,{(quoteText ? "true" : "false")},true,false,false,false,-1",
                "--outdir", work,
            }.Concat(copies))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(_timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"soffice did not finish converting {described} within {_timeout}.");
            }

            // In the workbooks' sheet order: soffice reports each sheet as it writes it ("Writing sheet X -> file").
            var written = stdout.Result;
            var files = Directory.GetFiles(work, "*.csv")
                .OrderBy(f => written.IndexOf(f, StringComparison.Ordinal) is var at and >= 0 ? at : int.MaxValue)
                .ThenBy(f => f, StringComparer.Ordinal)
                .ToList();
            var sheets = copies.Select((_, i) => files
                .Where(f => Path.GetFileName(f).StartsWith($"w{i}-", StringComparison.Ordinal))
                .ToDictionary(
                    f => Path.GetFileNameWithoutExtension(f)[$"w{i}-".Length..],
                    f => Csv.Parse(File.ReadAllText(f, Encoding.UTF8), keepQuotes: quoteText)))
                .ToList();
            if (process.ExitCode != 0 || sheets.Any(s => s.Count == 0))
            {
                throw new InvalidOperationException(
                    $"soffice failed to convert {described} (exit {process.ExitCode}): {stdout.Result} {stderr.Result}");
            }

            return sheets;
        }
        finally
        {
            s_one.Release();
            TryDelete(work);
        }
    }

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/lib/libreoffice/program"))
        {
            var candidate = Path.Combine(dir, "soffice");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
