using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Reporting;
using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Reporting.Excel;
using ReadinessSurvey.Reporting.Mapping;
using ReadinessSurvey.Reporting.Writers;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Web.Dashboard;

/// <summary>What the dashboard pages need per request: the round's parsed snapshot, downloads (audited) and a council's own answers.</summary>
public sealed class Dashboards(
    DashboardCache cache, SnapshotReader snapshots, ReportService reports, ReadinessDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string DownloadAction = "download.dashboard";

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The round and its current snapshot; Exists is false for an unknown round, Snapshot null before the first run.</summary>
    public async Task<DashboardRound> LoadAsync(int roundId, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(roundId, snapshots, reports, cancellationToken) is { } snapshot)
        {
            return new DashboardRound(true, snapshot.Source.RoundName, snapshot);
        }

        var name = await db.Rounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        return new DashboardRound(name is not null, name ?? "", null);
    }

    /// <summary>The internal sector workbook (the reporting module's writer), for the overview.</summary>
    public async Task<FileContentResult> SectorWorkbookAsync(DashboardSnapshot snapshot, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var freeText = await FreeTextReader.ReadAsync(db, snapshot.RoundId, snapshot.Source.Definition, cancellationToken);
        using var stream = new MemoryStream();
        await SectorWorkbookWriter.Internal.WriteAsync(snapshot.Model with { FreeText = freeText }, stream, cancellationToken);
        return await AuditedFileAsync(snapshot, SectorWorkbookWriter.Internal.Kind, "Overview (internal sector workbook)", null, stream, actor, cancellationToken);
    }

    /// <summary>A small workbook of the view's tables.</summary>
    public async Task<FileContentResult> ViewWorkbookAsync(
        DashboardSnapshot snapshot, string view, string? filters, IReadOnlyList<ChartTable> tables, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var stream = new MemoryStream();
        await DashboardWorkbookWriter.WriteAsync(new DashboardWorkbookModel(snapshot.About, view, filters, tables), stream, cancellationToken);
        return await AuditedFileAsync(snapshot, "dashboard-" + view, view, filters, stream, actor, cancellationToken);
    }

    /// <summary>A council's submitted answers now (its own record, read per request), or null when it has no submitted return.</summary>
    public async Task<IReadOnlyDictionary<string, AnswerValue>?> SubmittedAnswersAsync(int roundId, string code, SurveyDefinition definition, CancellationToken cancellationToken)
    {
        var returnId = await db.Returns.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Status == ReturnStatus.Submitted && r.Council!.Code == code)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return returnId is { } id ? await ReadinessSurvey.Responses.SubmittedAnswers.ForReturnAsync(db, id, definition, cancellationToken) : null;
    }

    private async Task<FileContentResult> AuditedFileAsync(
        DashboardSnapshot snapshot, string kind, string view, string? filters, MemoryStream stream, string actor, CancellationToken cancellationToken)
    {
        audit.Record(actor, DownloadAction, $"round {snapshot.RoundId}", $"{view}{(filters is null ? "" : "; " + filters)}; snapshot {snapshot.SnapshotId}");
        await db.SaveChangesAsync(cancellationToken);
        var name = Path.GetFileName(ReportFileNames.RelativePath(snapshot.Source.RoundSlug, kind, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
        return new FileContentResult(stream.ToArray(), XlsxType) { FileDownloadName = name };
    }
}

/// <summary>A round as the dashboards see it.</summary>
public sealed record DashboardRound(bool Exists, string Name, DashboardSnapshot? Snapshot);

/// <summary>Registers the dashboards' snapshot cache (one per app) and per-request service.</summary>
public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddSingleton<DashboardCache>();
        services.AddScoped<Dashboards>();
        return services;
    }
}
