using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Reporting.Mapping;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Publishing;

/// <summary>
/// Publishes a round's published sector workbook and its charts for anyone to download, and takes them
/// down again. Only a finished "published" report run written from the round's current snapshot can be
/// published; its workbook is copied into a folder of the publication's own (a later run on the same
/// day writes the same file name), with the charts beside it.
/// </summary>
public sealed class PublishingService(ReadinessDbContext db, SnapshotReader snapshots, ReportService reports, ReportFolder reportFolder, AuditLog audit, TimeProvider clock)
{
    /// <summary>What an admin reviews before publishing a round.</summary>
    public async Task<PublishingReview?> ReviewAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }

        var snapshot = await snapshots.GetCurrentSnapshotAsync(roundId, cancellationToken);
        var runs = db.ReportRuns.AsNoTracking().Where(r => r.RoundId == roundId && r.Kind == ReportKinds.Published);
        var ready = snapshot is null ? null : await runs
            .Where(r => r.Status == ReportRunStatus.Succeeded && r.SnapshotId == snapshot.Id)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var inProgress = await runs
            .Where(r => r.Status == ReportRunStatus.Pending || r.Status == ReportRunStatus.Running)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var publications = await db.PublishedReports.AsNoTracking().Where(p => p.RoundId == roundId)
            .OrderByDescending(p => p.Id).ToListAsync(cancellationToken);
        return new PublishingReview(
            round,
            snapshot is null ? null : new SnapshotSummary(snapshot.Id, snapshot.ComputedAt, snapshot.ReturnCount),
            snapshot is { IsProtected: true } ? SnapshotJson.ReadSuppressionLog(snapshot) : [],
            ready,
            inProgress,
            publications);
    }

    /// <summary>Publishes the round's ready workbook (see <see cref="PublishingReview.ReadyRun"/>) and its charts.</summary>
    /// <exception cref="PublishingException">There is nothing ready to publish, it is already published, or its file is missing.</exception>
    public async Task<PublishedReport> PublishAsync(int roundId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var review = await ReviewAsync(roundId, cancellationToken) ?? throw new PublishingException($"There is no round with id {roundId}.");
        if (review.Snapshot is null)
        {
            throw new PublishingException("This round has no results yet, so there is nothing to publish.");
        }

        var run = review.ReadyRun ?? throw new PublishingException(
            "There is no published workbook for the round's current results. Prepare one, wait for it to finish, then publish.");
        if (review.Publications.Any(p => p.IsPublished && p.SnapshotId == review.Snapshot.Id))
        {
            throw new PublishingException("The round's current results are already published.");
        }

        if (!reportFolder.Contains(run.OutputPath) || !File.Exists(run.OutputPath))
        {
            throw new PublishingException($"The workbook of report run {run.Id} is no longer in the reports folder. Prepare it again.");
        }

        // The charts must show the same data as the workbook: refuse if the snapshot moved on meanwhile.
        var source = await reports.LoadAsync(roundId, published: false, cancellationToken);
        if (source.Snapshot.Id != run.SnapshotId)
        {
            throw new PublishingException("The round's results changed while publishing. Prepare the published workbook again.");
        }

        var folder = ReportFolder.NewPublishedFolder(run.OutputPath!, run.Id);
        var files = await WriteFolderAsync(run, source, reportFolder.ResolvePublished(folder)!, cancellationToken);
        var report = new PublishedReport
        {
            RoundId = roundId,
            Folder = folder,
            ReportRunId = run.Id,
            SnapshotId = source.Snapshot.Id,
            Title = $"{source.Definition.Title}: {source.RoundName}",
            SurveyVersion = $"{source.Definition.Id} version {source.Definition.Version}",
            DataDate = source.Snapshot.ComputedAt,
            PublishedAt = clock.GetUtcNow().UtcDateTime,
            PublishedBy = actor,
        };
        db.PublishedReports.Add(report);
        audit.Record(actor, "report.published", $"round:{roundId}", $"report run {run.Id}, snapshot {source.Snapshot.Id}, {files.Charts.Count} charts");
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>Takes a publication down; its row stays, with who and when. False when it is not published.</summary>
    public async Task<bool> UnpublishAsync(long publishedReportId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var report = await db.PublishedReports.FirstOrDefaultAsync(p => p.Id == publishedReportId, cancellationToken);
        if (report is null || !report.IsPublished)
        {
            return false;
        }

        report.UnpublishedAt = clock.GetUtcNow().UtcDateTime;
        report.UnpublishedBy = actor;
        audit.Record(actor, "report.unpublished", $"round:{report.RoundId}", $"published report {report.Id}, report run {report.ReportRunId}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Every publication still published, newest first, with its round's name.</summary>
    public async Task<IReadOnlyList<(PublishedReport Report, string RoundName)>> ListPublishedAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.PublishedReports.AsNoTracking()
            .Where(p => p.UnpublishedAt == null)
            .Join(db.Rounds.AsNoTracking(), p => p.RoundId, r => r.Id, (p, r) => new { Report = p, RoundName = r.Name })
            .OrderByDescending(x => x.Report.PublishedAt).ThenByDescending(x => x.Report.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => (x.Report, x.RoundName))];
    }

    /// <summary>The files of a publication that is still published, or null (unpublished, unknown, or its folder is gone).</summary>
    public async Task<(PublishedReport Report, PublishedFiles Files)?> FindPublishedAsync(long publishedReportId, CancellationToken cancellationToken = default)
    {
        var report = await db.PublishedReports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == publishedReportId && p.UnpublishedAt == null, cancellationToken);
        return report is not null && reportFolder.FilesOf(report) is { } files ? (report, files) : null;
    }

    /// <summary>Writes the publication's folder whole: into a temporary folder first, then moved into place.</summary>
    private static async Task<PublishedFiles> WriteFolderAsync(ReportRun run, ReportSource source, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        var temporary = folder + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        Directory.CreateDirectory(temporary);
        try
        {
            var workbook = Path.GetFileName(run.OutputPath!);
            File.Copy(run.OutputPath!, Path.Combine(temporary, workbook));
            var ods = Path.ChangeExtension(workbook, ".ods");
            await using (var odsFile = File.Create(Path.Combine(temporary, ods)))
            {
                OdsConverter.Convert(run.OutputPath!, odsFile);
            }

            var model = SectorReportMapper.Map(source, published: true);
            var page = PublicationContent.Build(model);
            foreach (var table in page.Tables)
            {
                await File.WriteAllTextAsync(Path.Combine(temporary, table.Csv), PublicationContent.TableCsv(table), ct);
            }

            var charts = new List<PublishedChart>();
            foreach (var (name, chart) in PublishedCharts.Draw(model))
            {
                await File.WriteAllBytesAsync(Path.Combine(temporary, name + ".png"), chart.Png, ct);
                await File.WriteAllTextAsync(Path.Combine(temporary, name + ".svg"), chart.Svg, ct);
                await File.WriteAllTextAsync(Path.Combine(temporary, name + ".csv"), PublishedCharts.TableCsv(chart.Table), ct);
                charts.Add(new PublishedChart(chart.Title, chart.AltText, name + ".png", name + ".svg", name + ".csv"));
            }

            var files = new PublishedFiles(workbook, charts, ods, page);
            await File.WriteAllTextAsync(Path.Combine(temporary, PublishedFiles.ManifestName), files.ToJson(), ct);

            // A run published before and then taken down is published again from fresh files.
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.Move(temporary, folder);
            return files;
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }
}

/// <summary>The round's state for publishing.</summary>
/// <param name="Snapshot">The current snapshot, or null before the first aggregation.</param>
/// <param name="SuppressionLog">What the current snapshot's published view withholds, and why.</param>
/// <param name="ReadyRun">The newest finished "published" run written from the current snapshot: what Publish releases.</param>
/// <param name="InProgressRun">A "published" run still waiting or running, if any.</param>
/// <param name="Publications">Every publication of the round, newest first, taken down ones included.</param>
public sealed record PublishingReview(
    SurveyRound Round,
    SnapshotSummary? Snapshot,
    IReadOnlyList<Aggregation.Statistics.SuppressionLogEntry> SuppressionLog,
    ReportRun? ReadyRun,
    ReportRun? InProgressRun,
    IReadOnlyList<PublishedReport> Publications)
{
    public bool CurrentIsPublished => Snapshot is { } s && Publications.Any(p => p.IsPublished && p.SnapshotId == s.Id);
}

/// <summary>A snapshot's identity and date, without its content.</summary>
public sealed record SnapshotSummary(long Id, DateTime ComputedAt, int ReturnCount);

/// <summary>Publishing cannot go ahead; the message says why, in words for the admin.</summary>
public sealed class PublishingException(string message) : Exception(message);
