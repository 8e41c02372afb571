using Microsoft.AspNetCore.Mvc;
using ReadinessSurvey.Aggregation;
using ReadinessSurvey.Reporting.Charts;
using ReadinessSurvey.Web.Dashboard;

namespace ReadinessSurvey.Web.Pages.Admin.Dashboard;

/// <summary>One council's return and scores, with its position against all councils, its type and its region.</summary>
public sealed class CouncilModel(Dashboards dashboards) : DashboardPageModel(dashboards)
{
    [FromRoute]
    public string Code { get; set; } = "";

    public override string ViewName => "Council " + Code;

    /// <summary>The council's result when it had submitted when the figures were taken.</summary>
    public CouncilResult? Result { get; private set; }

    /// <summary>The council's status when it had not.</summary>
    public CouncilStatus? NotSubmitted { get; private set; }

    public DashboardView View { get; private set; } = DashboardView.Empty;

    /// <summary>The council's submitted answers now; null without a submitted return.</summary>
    public ChartTable? Answers { get; private set; }

    public string Name => Result?.Name ?? NotSubmitted?.Name ?? Code;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await BuildAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken) =>
        !await BuildAsync(cancellationToken) || Snapshot is null
            ? NotFound()
            : await DownloadAsync([.. View.AllTables, .. Answers is null ? Array.Empty<ChartTable>() : [Answers]], null, cancellationToken);

    /// <summary>False for an unknown round, or a council the snapshot does not know (not in the register).</summary>
    private async Task<bool> BuildAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Snapshot is not { } s)
        {
            // Before the first run there is no council list to check against: nothing to show for any council.
            return false;
        }

        Code = Code.Trim().ToUpperInvariant();
        Result = await CouncilResults.FindAsync(s, Code, cancellationToken);
        NotSubmitted = Result is null ? await CouncilResults.FindNotSubmittedAsync(s, Code, cancellationToken) : null;
        if (Result is null && NotSubmitted is null)
        {
            return false;
        }

        if (Result is not null)
        {
            View = CouncilViews.Scores(s, Result);
        }

        var answers = await Dashboards.SubmittedAnswersAsync(RoundId, Code, s.Source.Definition, cancellationToken);
        Answers = answers is null ? null : CouncilViews.Answers(s.Source.Definition, answers);
        return true;
    }
}
