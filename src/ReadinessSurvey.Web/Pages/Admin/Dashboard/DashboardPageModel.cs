using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Web.Accounts;
using ReadinessSurvey.Web.Dashboard;

namespace ReadinessSurvey.Web.Pages.Admin.Dashboard;

/// <summary>
/// A dashboard page for one round: loads the round's parsed current snapshot (cached per snapshot id),
/// answers 404 for an unknown round and shows a notice before the first aggregation run.
/// </summary>
public abstract class DashboardPageModel(Dashboards dashboards) : PageModel
{
    [FromRoute]
    public int RoundId { get; set; }

    public string RoundName { get; private set; } = "";

    /// <summary>Null until the round has been aggregated.</summary>
    public DashboardSnapshot? Snapshot { get; private set; }

    /// <summary>The view's name in the page title and the download.</summary>
    public abstract string ViewName { get; }

    protected Dashboards Dashboards => dashboards;

    /// <summary>False for an unknown round (the page answers 404).</summary>
    protected async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var round = await dashboards.LoadAsync(RoundId, cancellationToken);
        RoundName = round.Name;
        Snapshot = round.Snapshot;
        return round.Exists;
    }

    /// <summary>The view's tables as a small workbook, audited.</summary>
    protected async Task<IActionResult> DownloadAsync(IReadOnlyList<ChartTable> tables, string? filters, CancellationToken cancellationToken) =>
        Snapshot is null
            ? NotFound()
            : await dashboards.ViewWorkbookAsync(Snapshot, ViewName, filters, tables, User.Actor(), cancellationToken);
}
